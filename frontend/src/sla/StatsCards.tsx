// MTTD, MTTA and MTTR (respond, resolve) as cards: the median with the mean, p90 and count.

import type { SlaReportQuery } from '../gql/graphql';
import { formatDuration } from '../lib/time';

type Report = SlaReportQuery['slaReport'];
type Stats = Report['mtta'];

function Card({ label, stats }: { label: string; stats: Stats }) {
  const d = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatDuration(Math.round(v)));
  return (
    <div className="card" role="group" aria-label={label}>
      <span className="muted">{label}</span>
      <span className="big">{d(stats.median)}</span>
      <span className="muted">
        median · mean {d(stats.mean)} · p90 {d(stats.p90)} · {stats.count} measured
      </span>
    </div>
  );
}

export function StatsCards({ report, only }: { report: Report; only?: 'customer' }) {
  return (
    <div className="cards">
      {only === undefined && <Card label="Time to detect (MTTD)" stats={report.mttd} />}
      <Card label="Time to acknowledge (MTTA)" stats={report.mtta} />
      <Card label="Time to respond (MTTR)" stats={report.mttrRespond} />
      <Card label="Time to resolve" stats={report.mttrResolve} />
    </div>
  );
}
