// The portfolio's view in the URL query string: the month (`month=YYYY-MM`, this month when
// absent or invalid) and the sort (`sort`, `dir`), so a view is a link that can be shared.
// Sorting keeps tenants without a figure (no plan, no SLA clocks) last in either direction.

import type { PortfolioReportQuery } from '../gql/graphql';
import { parseMonth, thisMonth } from './month';

export type PortfolioRow = PortfolioReportQuery['portfolioReport'][number];
export type PortfolioSortKey = 'name' | 'plan' | 'gb' | 'endpoints' | 'estimate' | 'invoice' | 'sla' | 'breaches';
export type SortDirection = 'asc' | 'desc';

export interface PortfolioView {
  month: string;
  sort: PortfolioSortKey;
  dir: SortDirection;
}

export const SORT_KEYS: readonly PortfolioSortKey[] = ['name', 'plan', 'gb', 'endpoints', 'estimate', 'invoice', 'sla', 'breaches'];

export function parseView(params: URLSearchParams, now: Date = new Date()): PortfolioView {
  const sort = SORT_KEYS.find((k) => k === params.get('sort')) ?? 'name';
  return {
    month: parseMonth(params.get('month')) ?? thisMonth(now),
    sort,
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

export function viewToParams(view: PortfolioView, now: Date = new Date()): URLSearchParams {
  const params = new URLSearchParams();
  if (view.month !== thisMonth(now)) params.set('month', view.month);
  if (view.sort !== 'name') params.set('sort', view.sort);
  if (view.dir !== 'asc') params.set('dir', view.dir);
  return params;
}

/** The same column flips direction; a new one starts ascending. */
export function toggleSort(view: PortfolioView, key: PortfolioSortKey): PortfolioView {
  if (view.sort === key) return { ...view, dir: view.dir === 'asc' ? 'desc' : 'asc' };
  return { ...view, sort: key, dir: 'asc' };
}

function sortValue(row: PortfolioRow, key: PortfolioSortKey): string | number | null {
  switch (key) {
    case 'name':
      return row.tenantName.toLowerCase();
    case 'plan':
      return row.planName?.toLowerCase() ?? null;
    case 'gb':
      return row.bytes;
    case 'endpoints':
      return row.maxEndpoints;
    case 'estimate':
      return row.estimatedTotalMinor ?? null;
    case 'invoice':
      return row.invoiceStatus ?? null;
    case 'sla':
      return row.slaAttainmentPercent ?? null;
    case 'breaches':
      return row.breachCount;
  }
}

export function sortRows(rows: readonly PortfolioRow[], sort: PortfolioSortKey, dir: SortDirection): PortfolioRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort);
    const y = sortValue(b, sort);
    if (x === null || y === null) {
      if (x === y) return a.tenantName.localeCompare(b.tenantName);
      return x === null ? 1 : -1;
    }
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sign * order || a.tenantName.localeCompare(b.tenantName);
  });
}
