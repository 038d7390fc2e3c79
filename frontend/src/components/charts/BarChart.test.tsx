import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BarChart } from './BarChart';

const T0 = Date.UTC(2026, 11, 1, 9);
const M = 60_000;
const bars = [
  { from: T0, to: T0 + 24 * M, label: '10:00', value: 3, hint: '10:00–10:24: 3 events' },
  { from: T0 + 24 * M, to: T0 + 48 * M, label: '10:24', value: 0, hint: '10:24–10:48: 0 events' },
  // A last bucket cut short by the end of the range.
  { from: T0 + 48 * M, to: T0 + 60 * M, label: '10:48', value: 6, hint: '10:48–11:00: 6 events' },
];

// jsdom has no canvas: no uPlot plot is made, and the table and buttons are what remain.
describe('BarChart', () => {
  it('has no buttons without onSelect, and the numbers as a table', () => {
    const { container } = render(<BarChart title="Per hour" bars={bars} />);
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(container.querySelector('figcaption')?.textContent).toBe('Per hour');
    expect(container.querySelector('.uplot-host')?.getAttribute('aria-hidden')).toBe('true');
    const rows = screen.getByRole('table', { name: 'Per hour' }).querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.textContent)).toEqual(['10:003', '10:240', '10:486']);
  });

  it('leaves the table out when asked, and says "none" for nothing measured', () => {
    const { rerender } = render(<BarChart title="Trend" bars={[{ ...bars[0]!, value: null }]} table={false} />);
    expect(screen.queryByRole('table')).toBeNull();
    rerender(<BarChart title="Trend" bars={[{ ...bars[0]!, value: null }]} />);
    expect(screen.getByRole('table', { name: 'Trend' }).querySelector('td')?.textContent).toBe('none');
  });

  it('with onSelect, makes each bar a button over its share of the time range, describes the hovered one and reports clicks', async () => {
    const onSelect = vi.fn<(i: number) => void>();
    const user = userEvent.setup();
    const { container } = render(<BarChart title="Per bucket" bars={bars} onSelect={onSelect} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(bars.map((b) => b.hint));
    expect(buttons.map((b) => b.getAttribute('title'))).toEqual(bars.map((b) => b.hint));
    expect(buttons.map((b) => b.getAttribute('data-value'))).toEqual(['3', '0', '6']);
    const spans = buttons.map((b) => (b.parentElement as HTMLElement).style);
    expect(spans.map((s) => [s.left, s.width])).toEqual([
      ['0%', '40%'],
      ['40%', '40%'],
      ['80%', '20%'],
    ]);
    expect(container.querySelector('.bar-readout')?.textContent).toBe('Click a bar to search its time only');
    await user.hover(buttons[2]!);
    expect(container.querySelector('.bar-readout')?.textContent).toBe('10:48–11:00: 6 events');
    await user.click(buttons[0]!);
    expect(onSelect).toHaveBeenCalledWith(0);
  });
});
