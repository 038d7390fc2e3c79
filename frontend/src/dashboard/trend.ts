// The MTTA/MTTR trend on the customer dashboard (with time to resolve, as "SLA this month" shows it): the last TREND_MONTHS months up to this one, each
// bounded as "SLA this month" bounds its month (UTC month starts), and one row per month from one
// `slaTrend` request. A month with nothing measured has no median (null), not zero.

import { currentMonth, monthRange } from '../sla/month';
import { shiftMonth } from '../billing/month';

export const TREND_MONTHS = 6;

export interface TrendMonth {
  month: string;
  from: string;
  to: string;
}

/** The months of the trend, oldest first, ending with the month holding `now`. */
export function trendMonths(now: Date, count = TREND_MONTHS): TrendMonth[] {
  const last = currentMonth(now);
  const months: TrendMonth[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const month = shiftMonth(last, -i);
    const range = monthRange(month);
    if (range !== null) months.push({ month, ...range });
  }
  return months;
}

/** The query's periods, oldest month first (the answer keeps their order). */
export function trendPeriods(months: readonly TrendMonth[]): { from: string; to: string }[] {
  return months.map((m) => ({ from: m.from, to: m.to }));
}

interface Stat {
  count: number;
  median?: number | null;
}

export interface TrendRow {
  month: string;
  /** Median seconds to acknowledge, null when nothing was acknowledged that month. */
  mtta: number | null;
  /** Median seconds to respond (MTTR, as "SLA this month" calls it), null when nothing was measured. */
  respond: number | null;
  /** Median seconds to resolve, null when nothing was resolved that month. */
  resolve: number | null;
  acknowledged: number;
  responded: number;
  resolved: number;
}

function median(stat: Stat | null | undefined): number | null {
  if (stat === null || stat === undefined || stat.count === 0) return null;
  return stat.median ?? null;
}

/** One row per month, oldest first; `reports[i]` is the i-th period's figures (missing: not loaded). */
export function trendRows(
  months: readonly TrendMonth[],
  reports: ReadonlyArray<{ mtta: Stat; mttrRespond: Stat; mttrResolve: Stat } | null | undefined>,
): TrendRow[] {
  return months.map((m, i) => {
    const r = reports[i];
    return {
      month: m.month,
      mtta: median(r?.mtta),
      respond: median(r?.mttrRespond),
      resolve: median(r?.mttrResolve),
      acknowledged: r?.mtta.count ?? 0,
      responded: r?.mttrRespond.count ?? 0,
      resolved: r?.mttrResolve.count ?? 0,
    };
  });
}

/** One bar per month for a chart of one measure: the month's range (epoch ms) and its median, null when none was measured. */
export function trendBars(
  months: readonly TrendMonth[],
  rows: readonly TrendRow[],
  median: (row: TrendRow) => number | null,
  label: (month: string) => string = (m) => m,
): { from: number; to: number; label: string; value: number | null }[] {
  return rows.flatMap((r) => {
    const m = months.find((x) => x.month === r.month);
    return m === undefined ? [] : [{ from: Date.parse(m.from), to: Date.parse(m.to), label: label(r.month), value: median(r) }];
  });
}
