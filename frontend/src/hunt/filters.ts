// The Hunt page's filters live in the URL query string, so a search is a link that can be
// shared. Relative ranges (last hour, day, week) stay relative in the link; a custom range
// carries its two instants. Parsing accepts anything and falls back to defaults.

export type RangeKey = '1h' | '24h' | '7d' | 'custom';

export interface HuntFilters {
  query: string;
  range: RangeKey;
  /** RFC 3339 instants, used when `range` is `custom`. */
  from: string;
  to: string;
  host: string;
  source: string;
}

export const DEFAULT_HUNT_FILTERS: HuntFilters = { query: '', range: '24h', from: '', to: '', host: '', source: '' };

export const RANGE_LABELS: Record<RangeKey, string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  custom: 'Custom range',
};

export const SOURCES = ['syslog_udp', 'syslog_tcp', 'http', 'hec', 'bulk'] as const;

const RANGE_MS: Record<Exclude<RangeKey, 'custom'>, number> = {
  '1h': 3_600_000,
  '24h': 24 * 3_600_000,
  '7d': 7 * 24 * 3_600_000,
};

function isRange(value: string | null): value is RangeKey {
  return value === '1h' || value === '24h' || value === '7d' || value === 'custom';
}

function instant(value: string | null): string {
  if (value === null || value.trim() === '') return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

export function parseHuntFilters(params: URLSearchParams): HuntFilters {
  const range = params.get('range');
  return {
    query: params.get('q') ?? '',
    range: isRange(range) ? range : DEFAULT_HUNT_FILTERS.range,
    from: instant(params.get('from')),
    to: instant(params.get('to')),
    host: (params.get('host') ?? '').trim(),
    source: (params.get('source') ?? '').trim(),
  };
}

export function huntFiltersToParams(filters: HuntFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.query.trim() !== '') params.set('q', filters.query.trim());
  if (filters.range !== DEFAULT_HUNT_FILTERS.range) params.set('range', filters.range);
  if (filters.range === 'custom') {
    if (filters.from !== '') params.set('from', filters.from);
    if (filters.to !== '') params.set('to', filters.to);
  }
  if (filters.host.trim() !== '') params.set('host', filters.host.trim());
  if (filters.source.trim() !== '') params.set('source', filters.source.trim());
  return params;
}

/**
 * The instants to search between: a relative range ends at `now`, cut to the whole second (so the
 * histogram's buckets, whole seconds long, start and end on whole seconds too); a custom one may
 * leave either end open.
 */
export function resolveRange(filters: HuntFilters, now: Date): { from: string | null; to: string | null } {
  if (filters.range === 'custom') {
    return { from: filters.from === '' ? null : filters.from, to: filters.to === '' ? null : filters.to };
  }
  const end = Math.floor(now.getTime() / 1000) * 1000;
  return { from: new Date(end - RANGE_MS[filters.range]).toISOString(), to: new Date(end).toISOString() };
}

/** The `EventFilter` argument: only what is set is sent, so the server's defaults apply to the rest. */
export function eventFilter(
  filters: HuntFilters,
  now: Date,
): { from?: string; to?: string; query?: string; host?: string; source?: string } {
  const { from, to } = resolveRange(filters, now);
  return {
    ...(from === null ? {} : { from }),
    ...(to === null ? {} : { to }),
    ...(filters.query.trim() === '' ? {} : { query: filters.query.trim() }),
    ...(filters.host === '' ? {} : { host: filters.host }),
    ...(filters.source === '' ? {} : { source: filters.source }),
  };
}

/** An instant as a `datetime-local` value in the viewer's zone ("2026-11-22T09:15"). */
export function toLocalInput(iso: string): string {
  if (iso === '') return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (the viewer's zone) as an RFC 3339 instant; blank stays blank. */
export function fromLocalInput(value: string): string {
  if (value === '') return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
