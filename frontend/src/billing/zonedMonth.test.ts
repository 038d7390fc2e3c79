import { describe, expect, it } from 'vitest';
import { zonedMonthRange } from './zonedMonth';

describe('zonedMonthRange', () => {
  it('is the month in UTC for UTC', () => {
    expect(zonedMonthRange('2026-02', 'UTC')).toEqual({ from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' });
  });

  it('starts at local midnight, on both sides of a DST change', () => {
    // Berlin: CET (+1) on 1 March, CEST (+2) on 1 April.
    expect(zonedMonthRange('2026-03', 'Europe/Berlin')).toEqual({ from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z' });
    // New York: EDT (-4) on 1 November, EST (-5) on 1 December.
    expect(zonedMonthRange('2026-11', 'America/New_York')).toEqual({ from: '2026-11-01T04:00:00.000Z', to: '2026-12-01T05:00:00.000Z' });
  });

  it('steps across the year and handles zones ahead of UTC', () => {
    expect(zonedMonthRange('2026-12', 'Asia/Tokyo')).toEqual({ from: '2026-11-30T15:00:00.000Z', to: '2026-12-31T15:00:00.000Z' });
    expect(zonedMonthRange('2026-12', 'Asia/Kolkata')).toEqual({ from: '2026-11-30T18:30:00.000Z', to: '2026-12-31T18:30:00.000Z' });
  });

  it('refuses a malformed month and reads an unknown zone as UTC', () => {
    expect(zonedMonthRange('2026-13', 'UTC')).toBeNull();
    expect(zonedMonthRange('26-01', 'UTC')).toBeNull();
    expect(zonedMonthRange('2026-01', 'Mars/Olympus')).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' });
  });
});
