// SLA targets as the form edits them (a number and a unit) and as the API stores them (seconds).
// Whole hours are shown in hours, anything else in minutes.

import type { SlaCalendar, SlaPolicyInput } from '../gql/graphql';

export type Unit = 'minutes' | 'hours';

export interface DurationDraft {
  value: string;
  unit: Unit;
}

export interface PolicyDraft {
  acknowledge: DurationDraft;
  respond: DurationDraft;
  resolve: DurationDraft;
  warnPercent: string;
  calendar: SlaCalendar;
}

export interface PolicyValues {
  acknowledgeSeconds: number;
  respondSeconds: number;
  resolveSeconds: number;
  warnPercent: number;
  calendar: SlaCalendar;
}

export function toDraftDuration(seconds: number): DurationDraft {
  if (seconds > 0 && seconds % 3600 === 0) return { value: String(seconds / 3600), unit: 'hours' };
  return { value: String(Math.round(seconds / 60)), unit: 'minutes' };
}

export function policyDraft(p: PolicyValues): PolicyDraft {
  return {
    acknowledge: toDraftDuration(p.acknowledgeSeconds),
    respond: toDraftDuration(p.respondSeconds),
    resolve: toDraftDuration(p.resolveSeconds),
    warnPercent: String(p.warnPercent),
    calendar: p.calendar,
  };
}

/** Seconds for a draft duration, or an error in words. */
export function durationSeconds(d: DurationDraft): number | string {
  const text = d.value.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return 'a positive number';
  const n = Number(text);
  const secs = Math.round(n * (d.unit === 'hours' ? 3600 : 60));
  if (secs < 60) return 'at least one minute';
  return secs;
}

export type PolicyErrors = Partial<Record<'acknowledge' | 'respond' | 'resolve' | 'warnPercent', string>>;

export function policyInput(d: PolicyDraft): { input: SlaPolicyInput } | { errors: PolicyErrors } {
  const errors: PolicyErrors = {};
  const ack = durationSeconds(d.acknowledge);
  const respond = durationSeconds(d.respond);
  const resolve = durationSeconds(d.resolve);
  if (typeof ack === 'string') errors.acknowledge = ack;
  if (typeof respond === 'string') errors.respond = respond;
  if (typeof resolve === 'string') errors.resolve = resolve;
  const warn = Number(d.warnPercent.trim());
  if (!/^\d+$/.test(d.warnPercent.trim()) || warn < 1 || warn > 99) errors.warnPercent = 'a whole percentage from 1 to 99';
  if (typeof ack === 'string' || typeof respond === 'string' || typeof resolve === 'string' || errors.warnPercent !== undefined) {
    return { errors };
  }
  return { input: { acknowledgeSeconds: ack, respondSeconds: respond, resolveSeconds: resolve, warnPercent: warn, calendar: d.calendar } };
}
