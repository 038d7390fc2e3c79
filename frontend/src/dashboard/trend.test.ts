import { describe, expect, it } from 'vitest';
import { trendBars, trendMonths, trendPeriods, trendRows } from './trend';

describe('trendMonths', () => {
  it('ends with this month and steps back across the year, oldest first', () => {
    const months = trendMonths(new Date('2026-02-14T10:00:00Z'), 4);
    expect(months.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(months[3]).toEqual({ month: '2026-02', from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' });
  });

  it('gives six months by default, as the query periods, oldest first', () => {
    const months = trendMonths(new Date('2026-12-01T00:00:00Z'));
    expect(months).toHaveLength(6);
    const periods = trendPeriods(months);
    expect(periods[0]).toEqual({ from: '2026-07-01T00:00:00.000Z', to: '2026-08-01T00:00:00.000Z' });
    expect(periods[5]?.to).toBe('2027-01-01T00:00:00.000Z');
  });
});

describe('trendRows', () => {
  const months = trendMonths(new Date('2026-12-01T00:00:00Z'), 2);

  it('takes the medians, and leaves a month with nothing measured empty rather than zero', () => {
    const rows = trendRows(months, [
      { mtta: { count: 0, median: 0 }, mttrRespond: { count: 0, median: null }, mttrResolve: { count: 0, median: null } },
      { mtta: { count: 9, median: 840 }, mttrRespond: { count: 2, median: 1200 }, mttrResolve: { count: 7, median: 2640 } },
    ]);
    expect(rows).toEqual([
      { month: '2026-11', mtta: null, respond: null, resolve: null, acknowledged: 0, responded: 0, resolved: 0 },
      { month: '2026-12', mtta: 840, respond: 1200, resolve: 2640, acknowledged: 9, responded: 2, resolved: 7 },
    ]);
  });

  it('treats a month not loaded as unmeasured', () => {
    expect(trendRows(months, [])[1]).toEqual({ month: '2026-12', mtta: null, respond: null, resolve: null, acknowledged: 0, responded: 0, resolved: 0 });
  });
});

describe('trendBars', () => {
  const months = trendMonths(new Date('2026-12-01T00:00:00Z'), 2);

  it('gives each month its bar over the month with one measure, none measured as no bar (null)', () => {
    const rows = trendRows(months, [
      { mtta: { count: 0, median: 0 }, mttrRespond: { count: 0, median: null }, mttrResolve: { count: 0, median: null } },
      { mtta: { count: 9, median: 840 }, mttrRespond: { count: 2, median: 1200 }, mttrResolve: { count: 7, median: 2640 } },
    ]);
    expect(trendBars(months, rows, (r) => r.mtta)).toEqual([
      { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1), label: '2026-11', value: null },
      { from: Date.UTC(2026, 11, 1), to: Date.UTC(2027, 0, 1), label: '2026-12', value: 840 },
    ]);
    expect(trendBars(months, rows, (r) => r.resolve, (m) => `month ${m}`).map((b) => [b.label, b.value])).toEqual([
      ['month 2026-11', null],
      ['month 2026-12', 2640],
    ]);
  });
});
