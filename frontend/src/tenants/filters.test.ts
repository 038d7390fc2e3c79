import { describe, expect, it } from 'vitest';
import { applyFilters, DEFAULT_FILTERS, filtersToParams, parseFilters, toggleSort, type TenantFilters } from './filters';

const tenants = [
  { name: 'Globex', slug: 'globex', status: 'SUSPENDED' as const, createdAt: '2026-01-02T00:00:00Z' },
  { name: 'Acme', slug: 'acme', status: 'ACTIVE' as const, createdAt: '2026-03-01T00:00:00Z' },
  { name: 'Initech', slug: 'initech', status: 'ACTIVE' as const, createdAt: '2025-12-31T23:59:59Z' },
];

describe('URL filter state', () => {
  it('reads an empty query string as the defaults, and writes defaults as nothing', () => {
    expect(parseFilters(new URLSearchParams(''))).toEqual(DEFAULT_FILTERS);
    expect(filtersToParams(DEFAULT_FILTERS).toString()).toBe('');
  });

  it('round-trips every filter through the URL', () => {
    const filters: TenantFilters = { q: 'acme corp', status: 'SUSPENDED', sort: 'createdAt', dir: 'desc' };
    const query = filtersToParams(filters).toString();
    expect(query).toBe('q=acme+corp&status=suspended&sort=createdAt&dir=desc');
    expect(parseFilters(new URLSearchParams(query))).toEqual(filters);
  });

  it('falls back to defaults for values a hand-edited link may hold', () => {
    const parsed = parseFilters(new URLSearchParams('status=deleted&sort=password&dir=sideways&q=%20x%20'));
    expect(parsed).toEqual({ q: 'x', status: 'ALL', sort: 'name', dir: 'asc' });
  });

  it('accepts the status in any case', () => {
    expect(parseFilters(new URLSearchParams('status=Active')).status).toBe('ACTIVE');
  });
});

describe('toggleSort', () => {
  it('flips the direction of the current column and starts a new one ascending', () => {
    const byName = DEFAULT_FILTERS;
    expect(toggleSort(byName, 'name')).toMatchObject({ sort: 'name', dir: 'desc' });
    expect(toggleSort({ ...byName, dir: 'desc' }, 'slug')).toMatchObject({ sort: 'slug', dir: 'asc' });
  });
});

describe('applyFilters', () => {
  const slugs = (f: Partial<TenantFilters>) => applyFilters(tenants, { ...DEFAULT_FILTERS, ...f }).map((t) => t.slug);

  it('sorts by name by default', () => {
    expect(slugs({})).toEqual(['acme', 'globex', 'initech']);
  });

  it('matches the search against name or slug, ignoring case', () => {
    expect(slugs({ q: 'GLOB' })).toEqual(['globex']);
    expect(slugs({ q: 'tech' })).toEqual(['initech']);
    expect(slugs({ q: 'nothing' })).toEqual([]);
  });

  it('filters by status', () => {
    expect(slugs({ status: 'ACTIVE' })).toEqual(['acme', 'initech']);
    expect(slugs({ status: 'SUSPENDED' })).toEqual(['globex']);
  });

  it('sorts by creation time in either direction', () => {
    expect(slugs({ sort: 'createdAt' })).toEqual(['initech', 'globex', 'acme']);
    expect(slugs({ sort: 'createdAt', dir: 'desc' })).toEqual(['acme', 'globex', 'initech']);
  });

  it('does not reorder the caller\'s array', () => {
    const before = tenants.map((t) => t.slug);
    applyFilters(tenants, { ...DEFAULT_FILTERS, dir: 'desc' });
    expect(tenants.map((t) => t.slug)).toEqual(before);
  });
});
