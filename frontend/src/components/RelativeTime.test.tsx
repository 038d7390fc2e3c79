import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatAbsolute } from '../lib/time';
import { RelativeTime } from './RelativeTime';

describe('RelativeTime', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-22T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('shows the relative time, with the absolute one for hover, focus and screen readers', () => {
    render(<RelativeTime value="2026-11-22T11:55:00Z" />);
    const time = screen.getByText('5 minutes ago');
    const absolute = formatAbsolute(new Date('2026-11-22T11:55:00Z'));
    expect(time.getAttribute('datetime')).toBe('2026-11-22T11:55:00Z');
    expect(time.getAttribute('data-absolute')).toBe(absolute);
    expect(time.getAttribute('aria-label')).toBe(absolute);
    expect(time.tabIndex).toBe(0);
  });

  it('moves on as the clock ticks', () => {
    render(<RelativeTime value="2026-11-22T11:59:50Z" />);
    expect(screen.getByText('just now')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.getByText('1 minute ago')).toBeTruthy();
  });

  it('says "never" for a missing time', () => {
    render(<RelativeTime value={null} />);
    expect(screen.getByText('never')).toBeTruthy();
  });
});
