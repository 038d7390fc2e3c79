// An alert's SLA clocks on its page: each target with its state, due time and completion.

import { RelativeTime } from '../components/RelativeTime';
import type { SlaCalendar, SlaStatus, SlaTarget } from '../gql/graphql';
import { SLA_TARGET_LABELS } from './sla';

const STATUS_TEXT: Record<SlaStatus, string> = {
  RUNNING: 'running',
  WARNING: 'nearly due',
  BREACHED: 'overdue',
  PAUSED: 'paused',
  MET: 'met',
  MISSED: 'missed',
  CANCELLED: 'cancelled',
};

interface Clock {
  target: SlaTarget;
  status: SlaStatus;
  calendar: SlaCalendar;
  dueAt: string;
  completedAt?: string | null;
}

export function SlaClocks({ clocks }: { clocks: readonly Clock[] }) {
  if (clocks.length === 0) return <span className="muted">no SLA clocks</span>;
  return (
    <ul className="sla-clocks">
      {clocks.map((c) => (
        <li key={c.target}>
          <strong>{SLA_TARGET_LABELS[c.target]}</strong>{' '}
          <span className={`sla sla-${c.status.toLowerCase()}`}>{STATUS_TEXT[c.status]}</span> · due{' '}
          <RelativeTime value={c.dueAt} />
          {c.completedAt !== null && c.completedAt !== undefined && (
            <>
              {' '}
              · done <RelativeTime value={c.completedAt} />
            </>
          )}
          <span className="muted"> ({c.calendar === 'BUSINESS_HOURS' ? 'business hours' : '24/7'})</span>
        </li>
      ))}
    </ul>
  );
}
