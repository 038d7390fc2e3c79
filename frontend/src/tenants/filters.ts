// The tenant list's filters live in the URL query string, so a filtered view is a link that
// can be shared or bookmarked. Parsing accepts anything and falls back to defaults; writing
// leaves defaults out so the plain list keeps the plain URL.

import type { TenantStatus } from '../gql/graphql';

export type StatusFilter = 'ALL' | TenantStatus;
export type SortKey = 'name' | 'slug' | 'createdAt' | 'status';
export type SortDirection = 'asc' | 'desc';

export interface TenantFilters {
  /** Matched case-insensitively against name and slug. */
  q: string;
  status: StatusFilter;
  sort: SortKey;
  dir: SortDirection;
}

export const DEFAULT_FILTERS: TenantFilters = { q: '', status: 'ALL', sort: 'name', dir: 'asc' };

const STATUSES: readonly StatusFilter[] = ['ALL', 'ACTIVE', 'SUSPENDED'];
const SORT_KEYS: readonly SortKey[] = ['name', 'slug', 'createdAt', 'status'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  const upperOrAsIs = allowed.find((a) => a.toLowerCase() === value?.toLowerCase());
  return upperOrAsIs ?? fallback;
}

export function parseFilters(params: URLSearchParams): TenantFilters {
  return {
    q: (params.get('q') ?? '').trim(),
    status: oneOf(params.get('status'), STATUSES, DEFAULT_FILTERS.status),
    sort: oneOf(params.get('sort'), SORT_KEYS, DEFAULT_FILTERS.sort),
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

export function filtersToParams(filters: TenantFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q !== '') params.set('q', filters.q);
  if (filters.status !== DEFAULT_FILTERS.status) params.set('status', filters.status.toLowerCase());
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set('sort', filters.sort);
  if (filters.dir !== DEFAULT_FILTERS.dir) params.set('dir', filters.dir);
  return params;
}

/** Clicking a column header: the same column flips direction, a new one starts ascending. */
export function toggleSort(filters: TenantFilters, key: SortKey): TenantFilters {
  if (filters.sort === key) return { ...filters, dir: filters.dir === 'asc' ? 'desc' : 'asc' };
  return { ...filters, sort: key, dir: 'asc' };
}

export interface FilterableTenant {
  name: string;
  slug: string;
  status: TenantStatus;
  createdAt: string;
}

export function applyFilters<T extends FilterableTenant>(tenants: readonly T[], filters: TenantFilters): T[] {
  const needle = filters.q.toLowerCase();
  const kept = tenants.filter(
    (t) =>
      (filters.status === 'ALL' || t.status === filters.status) &&
      (needle === '' || t.name.toLowerCase().includes(needle) || t.slug.toLowerCase().includes(needle)),
  );
  const sign = filters.dir === 'asc' ? 1 : -1;
  // createdAt is RFC 3339 in UTC from the API, so string order is time order.
  return kept.sort((a, b) => sign * a[filters.sort].localeCompare(b[filters.sort]) || a.slug.localeCompare(b.slug));
}
