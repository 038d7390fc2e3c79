import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FieldTree } from './FieldTree';

describe('FieldTree', () => {
  it('shows nested objects as keys with their values, sorted', () => {
    const { container } = render(<FieldTree value={{ user: { name: 'root' }, host: { name: 'web-01' }, n: 3 }} />);
    const keys = Array.from(container.querySelectorAll('dt')).map((dt) => dt.textContent);
    expect(keys).toEqual(['host', 'name', 'n', 'user', 'name']);
    expect(screen.getByText('root').tagName).toBe('CODE');
    expect(screen.getByText('3')).toBeDefined();
  });

  it('keeps lists of plain values on one line and nulls visible', () => {
    render(<FieldTree value={{ tags: ['ssh', 'auth'], gone: null }} />);
    expect(screen.getByText('["ssh","auth"]')).toBeDefined();
    expect(screen.getByText('null')).toBeDefined();
  });
});
