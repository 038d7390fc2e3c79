// MTTA and MTTR over the last months on the customer dashboard: one uPlot bar chart per measure
// (median time to acknowledge, to respond (MTTR) and to resolve, named as "SLA this month" names
// them) so the trend reads at a glance, then the same medians as a table, one row per month;
// months with nothing measured have no bar and say so in the table instead of showing zero.

import { useMemo } from 'react';
import { useQuery } from 'urql';
import { monthLabel } from '../billing/month';
import { BarChart } from '../components/charts/BarChart';
import { DURATION_INCRS, shortMonth } from '../components/charts/series';
import { ErrorBanner } from '../components/ErrorBanner';
import { problemsOf } from '../graphql/problems';
import { formatDuration } from '../lib/time';
import { MttTrendQuery } from './documents';
import { TREND_MONTHS, trendBars, trendMonths, trendPeriods, trendRows, type TrendRow } from './trend';

function Cell({ seconds, measured }: { seconds: number | null; measured: number }) {
  if (seconds === null) return <td className="muted">none measured</td>;
  return <td title={`${measured} measured`}>{formatDuration(Math.round(seconds))}</td>;
}

const MEASURES: { title: string; median: (r: TrendRow) => number | null }[] = [
  { title: 'Time to acknowledge (MTTA)', median: (r) => r.mtta },
  { title: 'Time to respond (MTTR)', median: (r) => r.respond },
  { title: 'Time to resolve', median: (r) => r.resolve },
];


export function MttTrend({ tenantId }: { tenantId: string }) {
  const months = useMemo(() => trendMonths(new Date()), []);
  const variables = useMemo(() => ({ tenantId, periods: trendPeriods(months) }), [months, tenantId]);
  const [{ data, error }] = useQuery({ query: MttTrendQuery, variables });
  const rows = useMemo(() => (data === undefined ? [] : trendRows(months, data.slaTrend)), [data, months]);
  // One chart per measure, each month a bar over that month; the table below has the numbers.
  const charts = useMemo(
    () =>
      MEASURES.map(({ title, median }) => ({ title, bars: trendBars(months, rows, median, monthLabel) })),
    [months, rows],
  );

  return (
    <section aria-labelledby="mtt-trend-title" className="panel">
      <h2 id="mtt-trend-title">MTTA and MTTR trend</h2>
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {data === undefined ? (
        error === undefined && <p role="status">Loading the trend…</p>
      ) : (
        <>
          <div className="chart-grid">
            {charts.map((c) => (
              <BarChart key={c.title} title={c.title} bars={c.bars} barTick={shortMonth} formatValue={formatDuration} valueIncrs={DURATION_INCRS} table={false} height={120} />
            ))}
          </div>
          <table className="trend">
            <caption>Median times by month, last {TREND_MONTHS} months</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Time to acknowledge (MTTA)</th>
                <th scope="col">Time to respond (MTTR)</th>
                <th scope="col">Time to resolve</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.month}>
                  <th scope="row">{monthLabel(r.month)}</th>
                  <Cell seconds={r.mtta} measured={r.acknowledged} />
                  <Cell seconds={r.respond} measured={r.responded} />
                  <Cell seconds={r.resolve} measured={r.resolved} />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
