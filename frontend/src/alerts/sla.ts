// An alert's SLA clocks (acknowledge, resolve) as the queue shows them: the open clock due
// first, counting down live. Its tone comes from the clock's own warning and due instants, so
// it turns to "warning" and "overdue" on time between fetches; a paused clock stands still.

import type { SlaStatus, SlaTarget } from '../gql/graphql';

export interface SlaClock {
  target: SlaTarget;
  status: SlaStatus;
  dueAt: string;
  warnAt: string;
  paused: boolean;
}

export type SlaTone = 'running' | 'warning' | 'breached' | 'paused' | 'met' | 'missed' | 'none';

export interface SlaSummary {
  tone: SlaTone;
  target: SlaTarget | null;
  /** The open clock's due instant. */
  dueAt: string | null;
  /** Milliseconds until due (negative once overdue); null when nothing is open. */
  remainingMs: number | null;
}

export const SLA_TARGET_LABELS: Record<SlaTarget, string> = {
  ACKNOWLEDGE: 'Acknowledge',
  RESPOND: 'Respond',
  RESOLVE: 'Resolve',
};

const OPEN: ReadonlySet<SlaStatus> = new Set<SlaStatus>(['RUNNING', 'WARNING', 'BREACHED', 'PAUSED']);

export function slaSummary(clocks: readonly SlaClock[], now: Date): SlaSummary {
  const open = clocks
    .filter((c) => OPEN.has(c.status))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const next = open[0];
  if (next === undefined) {
    const tone: SlaTone = clocks.some((c) => c.status === 'MISSED')
      ? 'missed'
      : clocks.some((c) => c.status === 'MET')
        ? 'met'
        : 'none';
    return { tone, target: null, dueAt: null, remainingMs: null };
  }
  const remainingMs = Date.parse(next.dueAt) - now.getTime();
  let tone: SlaTone;
  if (next.paused || next.status === 'PAUSED') tone = 'paused';
  else if (remainingMs <= 0 || next.status === 'BREACHED') tone = 'breached';
  else if (now.getTime() >= Date.parse(next.warnAt) || next.status === 'WARNING') tone = 'warning';
  else tone = 'running';
  return { tone, target: next.target, dueAt: next.dueAt, remainingMs };
}
