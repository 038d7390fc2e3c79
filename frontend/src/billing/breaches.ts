// A missed SLA target as the account report lists it: what missed it (an alert or a case of
// which severity), and by how much — until it was completed, or until now while it is still open.

import type { SlaSubjectKind } from '../gql/graphql';

export interface BreachTimes {
  dueAt: string;
  completedAt?: string | null | undefined;
}

/** Seconds past the due time: to completion, else to `now` (still running). */
export function breachedBySeconds(b: BreachTimes, now: Date): { seconds: number; running: boolean } {
  const due = Date.parse(b.dueAt);
  const done = b.completedAt === null || b.completedAt === undefined ? null : Date.parse(b.completedAt);
  const end = done ?? now.getTime();
  return { seconds: Math.max(0, Math.round((end - due) / 1000)), running: done === null };
}

/** Where a breach's subject opens in the console: case pages for everyone, alerts for those who read alerts. */
export function subjectPath(kind: SlaSubjectKind, id: string, canReadAlerts: boolean): string | null {
  if (kind === 'CASE') return `/cases/${encodeURIComponent(id)}`;
  return canReadAlerts ? `/alerts/${encodeURIComponent(id)}` : null;
}
