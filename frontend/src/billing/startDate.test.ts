import { describe, expect, it } from 'vitest';
import { firstOfNextMonth, parseDate } from './startDate';

describe('a subscription\'s start date', () => {
  it('suggests the 1st of next month, across the year end', () => {
    expect(firstOfNextMonth(new Date(2026, 4, 20))).toBe('2026-06-01');
    expect(firstOfNextMonth(new Date(2026, 11, 31))).toBe('2027-01-01');
  });

  it('takes only real calendar dates', () => {
    expect(parseDate('2026-02-28')).toBe('2026-02-28');
    expect(parseDate('2028-02-29')).toBe('2028-02-29');
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('1/6/2026')).toBeNull();
    expect(parseDate('')).toBeNull();
  });
});
