// The case list's filters live in the URL: `status` (`open` by default, `all`, or one status in
// lower case), `severity` (comma list), `tenant` (an id), `q` (text in the title) and `mine=1`
// (assigned to the viewer, who the link means for whoever opens it), and `order=severity` (most
// severe first; newest first otherwise). Defaults are left out, so the plain list keeps the
// plain URL.

import type { CaseFilter, CaseOrder, CaseStatus, Severity } from '../gql/graphql';
import { SEVERITIES, type OrderChoice } from '../alerts/filters';
import { CASE_STATUSES } from './labels';

export type CaseStatusChoice = 'open' | 'all' | CaseStatus;

export interface CaseListFilters {
  status: CaseStatusChoice;
  severity: Severity[];
  tenant: string;
  search: string;
  /** Only cases assigned to the viewer. */
  mine: boolean;
  order: OrderChoice;
}

export const DEFAULT_CASE_FILTERS: CaseListFilters = {
  status: 'open',
  severity: [],
  tenant: '',
  search: '',
  mine: false,
  order: 'newest',
};

function parseStatus(raw: string | null): CaseStatusChoice {
  if (raw === null || raw === 'open') return 'open';
  if (raw === 'all') return 'all';
  const upper = raw.toUpperCase() as CaseStatus;
  return CASE_STATUSES.includes(upper) ? upper : 'open';
}

export function parseCaseFilters(params: URLSearchParams): CaseListFilters {
  const severity = (params.get('severity') ?? '')
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter((s): s is Severity => (SEVERITIES as readonly string[]).includes(s));
  return {
    status: parseStatus(params.get('status')),
    severity: SEVERITIES.filter((s) => severity.includes(s)).reverse(),
    tenant: params.get('tenant') ?? '',
    search: params.get('q') ?? '',
    mine: params.get('mine') === '1',
    order: params.get('order') === 'severity' ? 'severity' : 'newest',
  };
}

export function caseFiltersToParams(f: CaseListFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.status !== 'open') p.set('status', f.status.toLowerCase());
  if (f.severity.length > 0) p.set('severity', f.severity.map((s) => s.toLowerCase()).join(','));
  if (f.tenant !== '') p.set('tenant', f.tenant);
  if (f.search.trim() !== '') p.set('q', f.search.trim());
  if (f.mine) p.set('mine', '1');
  if (f.order !== 'newest') p.set('order', f.order);
  return p;
}

/** The API's order for the list. */
export function caseOrder(f: CaseListFilters): CaseOrder {
  return f.order === 'severity' ? 'SEVERITY' : 'NEWEST';
}

/** The API's filter; `mine` needs the viewer's id (without it, it is left out). */
export function caseFilterInput(f: CaseListFilters, viewerId?: string): CaseFilter {
  const filter: CaseFilter = {};
  if (f.status === 'open') filter.openOnly = true;
  else if (f.status !== 'all') filter.status = [f.status];
  if (f.severity.length > 0) filter.severity = f.severity;
  if (f.tenant !== '') filter.tenantIds = [f.tenant];
  if (f.search.trim() !== '') filter.search = f.search.trim();
  if (f.mine && viewerId !== undefined) filter.assigneeId = viewerId;
  return filter;
}
