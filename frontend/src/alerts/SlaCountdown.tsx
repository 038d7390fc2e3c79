// The SLA column: "Acknowledge in 42 min", "Resolve overdue by 2 h", "paused", or how the
// clocks ended. Ticks with the shared clock; the due time in the viewer's zone on hover.

import type { SlaTarget } from '../gql/graphql';
import { formatAbsolute, formatDuration } from '../lib/time';
import { useNow } from '../lib/useNow';
import { SLA_TARGET_LABELS, slaSummary, type SlaClock } from './sla';

function rounded(ms: number): string {
  const secs = Math.abs(ms) / 1000;
  // Minutes are enough for a countdown; seconds only in the last minute.
  return formatDuration(secs >= 60 ? Math.floor(secs / 60) * 60 : secs);
}

export function SlaCountdown({ clocks }: { clocks: readonly SlaClock[] }) {
  const now = useNow();
  const s = slaSummary(clocks, now);
  if (s.target === null || s.dueAt === null || s.remainingMs === null) {
    const text = s.tone === 'met' ? 'Met' : s.tone === 'missed' ? 'Missed' : '—';
    return <span className={`sla sla-${s.tone}`}>{text}</span>;
  }
  const target: SlaTarget = s.target;
  const absolute = formatAbsolute(new Date(s.dueAt));
  const text =
    s.tone === 'paused'
      ? `${SLA_TARGET_LABELS[target]} paused`
      : s.remainingMs <= 0
        ? `${SLA_TARGET_LABELS[target]} overdue by ${rounded(s.remainingMs)}`
        : `${SLA_TARGET_LABELS[target]} in ${rounded(s.remainingMs)}`;
  return (
    <span className={`sla sla-${s.tone} relative-time`} data-absolute={`due ${absolute}`} tabIndex={0} aria-label={`${text}, due ${absolute}`}>
      {text}
    </span>
  );
}
