import { describe, expect, it } from 'vitest';
import { isAfter, monthLabel, parseMonth, shiftMonth, thisMonth } from './month';

describe('report months', () => {
  it('takes only YYYY-MM with a real month', () => {
    expect(parseMonth('2026-05')).toBe('2026-05');
    expect(parseMonth(' 2026-12 ')).toBe('2026-12');
    for (const bad of ['2026-13', '2026-00', '2026-5', '26-05', '2026-05-01', '', null, undefined]) {
      expect(parseMonth(bad)).toBeNull();
    }
  });

  it('steps across year ends both ways', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-05', -17)).toBe('2024-12');
    expect(shiftMonth('2026-05', 0)).toBe('2026-05');
    expect(() => shiftMonth('May', 1)).toThrow();
  });

  it('is this month in the viewer\'s own time zone', () => {
    expect(thisMonth(new Date(2026, 0, 31, 23, 59))).toBe('2026-01');
    expect(thisMonth(new Date(2026, 11, 1, 0, 0))).toBe('2026-12');
  });

  it('orders months as strings and names them for headings', () => {
    expect(isAfter('2026-10', '2026-09')).toBe(true);
    expect(isAfter('2026-09', '2026-10')).toBe(false);
    expect(monthLabel('2026-05', 'en-GB')).toBe('May 2026');
    // The 1st of the month is never shifted into the previous month by a time zone.
    expect(monthLabel('2026-01', 'en-US')).toBe('January 2026');
    expect(monthLabel('nonsense')).toBe('nonsense');
  });
});
