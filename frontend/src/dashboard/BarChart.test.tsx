import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BarChart } from './BarChart';

const bars = [
  { label: '10:00', value: 3, hint: '10:00–10:24: 3 events' },
  { label: '10:24', value: 0, hint: '10:24–10:48: 0 events' },
  { label: '10:48', value: 6, hint: '10:48–11:12: 6 events' },
];

describe('BarChart', () => {
  it('draws plain bars, hidden from screen readers, with the numbers as a table', () => {
    const { container } = render(<BarChart title="Per hour" bars={bars} />);
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(container.querySelector('ul.bars')?.getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByRole('table', { name: 'Per hour' }).textContent).toContain('10:48');
  });

  it('with onSelect, makes each bar a button named by its hint, describes the hovered one and reports clicks', async () => {
    const onSelect = vi.fn<(i: number) => void>();
    const user = userEvent.setup();
    const { container } = render(<BarChart title="Per bucket" bars={bars} onSelect={onSelect} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(bars.map((b) => b.hint));
    expect(buttons.map((b) => b.getAttribute('title'))).toEqual(bars.map((b) => b.hint));
    // The tallest bar is full height, the others in proportion.
    expect((buttons[2]!.firstElementChild as HTMLElement).style.height).toBe('100%');
    expect((buttons[0]!.firstElementChild as HTMLElement).style.height).toBe('50%');
    await user.hover(buttons[2]!);
    expect(container.querySelector('.bar-readout')?.textContent).toBe('10:48–11:12: 6 events');
    await user.click(buttons[0]!);
    expect(onSelect).toHaveBeenCalledWith(0);
  });
});
