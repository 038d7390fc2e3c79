// MTTA and MTTR over the last months on the customer dashboard: one row per month with the median
// time to acknowledge, to respond (MTTR) and to resolve, named as "SLA this month" names them, each
// with a bar scaled to the longest month so the trend
// reads at a glance; months with nothing measured say so instead of showing zero.

import { useMemo } from 'react';
import { useQuery } from 'urql';
import { monthLabel } from '../billing/month';
import { ErrorBanner } from '../components/ErrorBanner';
import { problemsOf } from '../graphql/problems';
import { formatDuration } from '../lib/time';
import { MttTrendQuery } from './documents';
import { TREND_MONTHS, trendMonths, trendRows, trendVariables } from './trend';

/** The longest month's bar, in rem; the others in proportion. */
const BAR_REM = 8;

function Cell({ seconds, max, measured }: { seconds: number | null; max: number; measured: number }) {
  if (seconds === null) return <td className="muted">none measured</td>;
  return (
    <td title={`${measured} measured`}>
      <span className="trend-bar" aria-hidden="true" style={{ width: `${Math.max(0.2, (seconds / max) * BAR_REM)}rem` }} />
      {formatDuration(Math.round(seconds))}
    </td>
  );
}

export function MttTrend({ tenantId }: { tenantId: string }) {
  const months = useMemo(() => trendMonths(new Date()), []);
  const variables = useMemo(() => ({ tenantId, ...trendVariables(months) }), [months, tenantId]);
  // The variables are built from TREND_MONTHS, which the document was written with.
  const [{ data, error }] = useQuery({ query: MttTrendQuery, variables: variables as never });
  const rows = useMemo(() => {
    if (data === undefined) return [];
    type Stat = { count: number; median?: number | null };
    const byAlias = data as unknown as Record<string, { mtta: Stat; mttrRespond: Stat; mttrResolve: Stat }>;
    return trendRows(months, months.map((_, i) => byAlias[`m${i}`]));
  }, [data, months]);
  const maxAck = Math.max(1, ...rows.map((r) => r.mtta ?? 0));
  const maxRespond = Math.max(1, ...rows.map((r) => r.respond ?? 0));
  const maxResolve = Math.max(1, ...rows.map((r) => r.resolve ?? 0));

  return (
    <section aria-labelledby="mtt-trend-title" className="panel">
      <h2 id="mtt-trend-title">MTTA and MTTR trend</h2>
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {data === undefined ? (
        error === undefined && <p role="status">Loading the trend…</p>
      ) : (
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
                <Cell seconds={r.mtta} max={maxAck} measured={r.acknowledged} />
                <Cell seconds={r.respond} max={maxRespond} measured={r.responded} />
                <Cell seconds={r.resolve} max={maxResolve} measured={r.resolved} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
