import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SlaCountdown } from './SlaCountdown';

const ack = {
  target: 'ACKNOWLEDGE' as const,
  status: 'RUNNING' as const,
  warnAt: '2026-12-01T12:30:00Z',
  dueAt: '2026-12-01T12:45:00Z',
  paused: false,
};

describe('SlaCountdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-01T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('counts down to the due time and turns overdue as the clock ticks', () => {
    render(<SlaCountdown clocks={[ack]} />);
    const countdown = screen.getByText('Acknowledge in 45 min');
    expect(countdown.className).toContain('sla-running');
    expect(countdown.getAttribute('aria-label')).toMatch(/^Acknowledge in 45 min, due /);
    act(() => {
      vi.advanceTimersByTime(50 * 60_000);
    });
    expect(screen.getByText('Acknowledge overdue by 5 min').className).toContain('sla-breached');
  });

  it('says how the clocks ended once none is open', () => {
    render(<SlaCountdown clocks={[{ ...ack, status: 'MET' }]} />);
    expect(screen.getByText('Met')).toBeDefined();
  });
});
