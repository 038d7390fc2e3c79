// The Hunt histogram without React: the time range each bucket covers (counts[i] is
// [from + i·bucketSeconds, from + (i+1)·bucketSeconds), the last one cut at `to`), the search
// narrowed to one bucket (a custom range in the URL), and bucket times as the viewer reads them.

import type { HuntFilters } from './filters';

export interface Histogram {
  from: string;
  to: string;
  bucketSeconds: number;
  counts: readonly number[];
}

/** How many buckets the Hunt page asks for (the API takes 1..500). */
export const HISTOGRAM_BUCKETS = 60;

/** The half-open range `[from, to)` bucket `index` covers, as RFC 3339 instants; null when out of range. */
export function bucketRange(histogram: Histogram, index: number): { from: string; to: string } | null {
  const start = Date.parse(histogram.from);
  const end = Date.parse(histogram.to);
  if (!Number.isInteger(index) || index < 0 || index >= histogram.counts.length) return null;
  if (Number.isNaN(start) || Number.isNaN(end) || !(histogram.bucketSeconds > 0)) return null;
  const step = histogram.bucketSeconds * 1000;
  const from = start + index * step;
  const to = Math.min(from + step, end);
  if (to <= from) return null;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** The search narrowed to bucket `index`: the same query, host and source over that bucket's range. */
export function narrowToBucket(filters: HuntFilters, histogram: Histogram, index: number): HuntFilters | null {
  const range = bucketRange(histogram, index);
  return range === null ? null : { ...filters, range: 'custom', from: range.from, to: range.to };
}

/**
 * A bucket's range in the viewer's time zone (or `timeZone`): "1 Dec 2026, 14:00–14:24", with
 * seconds when the bucket does not start and end on whole minutes (a click searches exactly
 * that range) and both dates when it spans midnight.
 */
export function bucketLabel(range: { from: string; to: string }, locale?: string, timeZone?: string): string {
  const from = new Date(range.from);
  const to = new Date(range.to);
  const wholeMinutes = from.getTime() % 60_000 === 0 && to.getTime() % 60_000 === 0;
  const time: Intl.DateTimeFormatOptions = {
    hour: '2-digit',
    minute: '2-digit',
    ...(wholeMinutes ? {} : { second: '2-digit' }),
    hourCycle: 'h23',
    timeZone,
  };
  const date: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone };
  const day = new Intl.DateTimeFormat(locale, date);
  const clock = new Intl.DateTimeFormat(locale, time);
  const both = new Intl.DateTimeFormat(locale, { ...date, ...time });
  // The end is exclusive: a bucket ending at midnight still lies within its start's day.
  const lastMoment = new Date(to.getTime() - 1);
  if (day.format(from) === day.format(lastMoment)) return `${both.format(from)}–${clock.format(to)}`;
  return `${both.format(from)} – ${both.format(to)}`;
}

/** "1 event" / "1,234 events". */
export function eventCount(n: number, locale?: string): string {
  return `${n.toLocaleString(locale)} ${n === 1 ? 'event' : 'events'}`;
}

/** "24 min", "1 h", "30 s", "2 days": how long one bar lasts. */
export function bucketDuration(seconds: number): string {
  if (seconds % 86_400 === 0) return seconds === 86_400 ? '1 day' : `${seconds / 86_400} days`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
