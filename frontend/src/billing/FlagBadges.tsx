// A report's flags (SLA breached, ingest dropped, unpaid invoice) as badges; "—" when none.

import type { ReportFlag } from '../gql/graphql';
import { FLAG_LABELS } from './labels';

export function FlagBadges({ flags }: { flags: readonly ReportFlag[] }) {
  if (flags.length === 0) return <span className="muted">—</span>;
  return (
    <span className="flags">
      {flags.map((f) => (
        <span key={f} className={`badge flag-${f.toLowerCase().replace(/_/g, '-')}`}>
          {FLAG_LABELS[f]}
        </span>
      ))}
    </span>
  );
}
