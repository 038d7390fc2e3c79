import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

describe('Markdown', () => {
  it('never emits raw HTML: a script tag stays text', () => {
    const { container } = render(<Markdown source={'hello <script>alert(1)</script> <img src=x onerror=alert(2)>'} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
  });

  it('renders paragraphs, lists, code, bold, italic and safe links', () => {
    const source = [
      'First **bold** and *italic* with `code`.',
      'same paragraph',
      '',
      '- one',
      '- two',
      '',
      '1. first',
      '2. second',
      '',
      '```',
      '<b>not bold</b>',
      '```',
      '[docs](https://example.com/x) and [bad](javascript:alert(1))',
    ].join('\n');
    const { container } = render(<Markdown source={source} />);
    expect(container.querySelectorAll('p')[0]?.textContent).toBe('First bold and italic with code. same paragraph');
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('em')?.textContent).toBe('italic');
    expect(container.querySelectorAll('ul li')).toHaveLength(2);
    expect(container.querySelectorAll('ol li')).toHaveLength(2);
    expect(container.querySelector('pre code')?.textContent).toBe('<b>not bold</b>');
    expect(container.querySelector('b')).toBeNull();
    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://example.com/x');
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(container.textContent).toContain('bad');
  });
});
