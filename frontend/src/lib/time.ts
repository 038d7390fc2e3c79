// Relative times ("5 minutes ago") for scanning, absolute times for certainty. The absolute
// form uses the viewer's own time zone, which is what "10:42" means to the person reading it.

const UNITS: ReadonlyArray<{ unit: Intl.RelativeTimeFormatUnit; secs: number; upTo: number }> = [
  { unit: 'second', secs: 1, upTo: 45 },
  { unit: 'minute', secs: 60, upTo: 45 * 60 },
  { unit: 'hour', secs: 3600, upTo: 22 * 3600 },
  { unit: 'day', secs: 86_400, upTo: 26 * 86_400 },
  { unit: 'month', secs: 30 * 86_400, upTo: 320 * 86_400 },
  { unit: 'year', secs: 365 * 86_400, upTo: Number.POSITIVE_INFINITY },
];

/** `then` relative to `now`, e.g. "3 hours ago" or "in 2 days"; under 45 s is "just now". */
export function formatRelative(then: Date, now: Date, locale = 'en'): string {
  const diffSecs = (then.getTime() - now.getTime()) / 1000;
  const abs = Math.abs(diffSecs);
  if (abs < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const { unit, secs, upTo } of UNITS) {
    if (abs < upTo) return format.format(Math.round(diffSecs / secs), unit);
  }
  return format.format(Math.round(diffSecs / (365 * 86_400)), 'year');
}

/** The full date and time with its zone, e.g. "22 Nov 2026, 09:15:03 CET". */
export function formatAbsolute(when: Date, timeZone?: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'long',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(when);
}

/** Parses an RFC 3339 string from the API; null for anything that is not a date. */
export function parseTimestamp(value: string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A duration in seconds as its two largest units: "42 s", "3 min 5 s", "2 h 10 min", "1 d 4 h". */
export function formatDuration(totalSecs: number): string {
  const secs = Math.max(0, Math.round(totalSecs));
  const parts: Array<[number, string]> = [
    [Math.floor(secs / 86_400), 'd'],
    [Math.floor((secs % 86_400) / 3600), 'h'],
    [Math.floor((secs % 3600) / 60), 'min'],
    [secs % 60, 's'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first < 0) return '0 s';
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, u]) => `${n} ${u}`)
    .join(' ');
}
