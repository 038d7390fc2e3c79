// The alert queue's filters and order live in the URL query string, so a filtered queue is a
// link that can be shared. Parsing accepts anything and falls back to defaults; writing leaves
// defaults out, so the plain queue (open alerts, newest first) keeps the plain URL.

import type { AlertFilter, AlertOrder, AlertStatus, Severity } from '../gql/graphql';

/** `open` is new and acknowledged together: what still needs someone. */
export type StatusChoice = 'open' | 'new' | 'acknowledged' | 'closed' | 'all';
export type OrderChoice = 'newest' | 'severity';

export interface AlertQueueFilters {
  /** One tenant's id, or '' for every tenant in scope. */
  tenant: string;
  status: StatusChoice;
  /** Any of these; empty means any severity. Most severe first. */
  severity: Severity[];
  unassigned: boolean;
  /** A rule id, or '' for any rule. */
  rule: string;
  order: OrderChoice;
}

export const DEFAULT_ALERT_FILTERS: AlertQueueFilters = {
  tenant: '',
  status: 'open',
  severity: [],
  unassigned: false,
  rule: '',
  order: 'newest',
};

/** Least to most severe, as the API's enum. */
export const SEVERITIES: readonly Severity[] = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

export const SEVERITY_LABELS: Record<Severity, string> = {
  INFORMATIONAL: 'Informational',
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  CRITICAL: 'Critical',
};

export const STATUS_CHOICES: Record<StatusChoice, { label: string; statuses: AlertStatus[] }> = {
  open: { label: 'Open (new or acknowledged)', statuses: ['NEW', 'ACKNOWLEDGED'] },
  new: { label: 'New', statuses: ['NEW'] },
  acknowledged: { label: 'Acknowledged', statuses: ['ACKNOWLEDGED'] },
  closed: { label: 'Closed', statuses: ['CLOSED'] },
  all: { label: 'Any status', statuses: [] },
};

export const ORDER_LABELS: Record<OrderChoice, string> = { newest: 'Newest first', severity: 'Most severe first' };

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

function isStatus(value: string | null): value is StatusChoice {
  return value !== null && Object.hasOwn(STATUS_CHOICES, value);
}

function parseSeverities(raw: string | null): Severity[] {
  if (raw === null) return [];
  const wanted = new Set(raw.split(',').map((s) => s.trim().toUpperCase()));
  return SEVERITIES.filter((s) => wanted.has(s)).reverse();
}

export function parseAlertFilters(params: URLSearchParams): AlertQueueFilters {
  const status = params.get('status');
  return {
    tenant: (params.get('tenant') ?? '').trim(),
    status: isStatus(status) ? status : DEFAULT_ALERT_FILTERS.status,
    severity: parseSeverities(params.get('severity')),
    unassigned: params.get('unassigned') === '1' || params.get('unassigned') === 'true',
    rule: (params.get('rule') ?? '').trim(),
    order: params.get('order') === 'severity' ? 'severity' : 'newest',
  };
}

export function alertFiltersToParams(filters: AlertQueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.tenant !== '') params.set('tenant', filters.tenant);
  if (filters.status !== DEFAULT_ALERT_FILTERS.status) params.set('status', filters.status);
  const severity = SEVERITIES.filter((s) => filters.severity.includes(s)).reverse();
  if (severity.length > 0) params.set('severity', severity.map((s) => s.toLowerCase()).join(','));
  if (filters.unassigned) params.set('unassigned', '1');
  if (filters.rule !== '') params.set('rule', filters.rule);
  if (filters.order !== DEFAULT_ALERT_FILTERS.order) params.set('order', filters.order);
  return params;
}

/** The `AlertFilter` argument, for the query and the subscription alike: only what is set. */
export function alertFilter(filters: AlertQueueFilters): AlertFilter {
  const statuses = STATUS_CHOICES[filters.status].statuses;
  return {
    ...(filters.tenant === '' ? {} : { tenantIds: [filters.tenant] }),
    ...(statuses.length === 0 ? {} : { status: statuses }),
    ...(filters.severity.length === 0 ? {} : { severity: filters.severity }),
    ...(filters.rule === '' ? {} : { ruleId: filters.rule }),
    ...(filters.unassigned ? { unassigned: true } : {}),
  };
}

export function alertOrder(filters: AlertQueueFilters): AlertOrder {
  return filters.order === 'severity' ? 'SEVERITY' : 'NEWEST';
}

/** What the queue filter says of one alert (the same test the server's live feed applies). */
export function matchesFilters(
  alert: { tenant: { id: string }; status: AlertStatus; severity: Severity; ruleId: string; assigneeId?: string | null },
  filters: AlertQueueFilters,
): boolean {
  const statuses = STATUS_CHOICES[filters.status].statuses;
  return (
    (filters.tenant === '' || alert.tenant.id === filters.tenant) &&
    (statuses.length === 0 || statuses.includes(alert.status)) &&
    (filters.severity.length === 0 || filters.severity.includes(alert.severity)) &&
    (filters.rule === '' || alert.ruleId === filters.rule) &&
    (!filters.unassigned || alert.assigneeId === null || alert.assigneeId === undefined)
  );
}
