// Report months as the billing API takes them: `YYYY-MM`, a month in the tenant's own time
// zone. Parsing is strict (a bad `?month=` falls back to this month); arithmetic stays on the
// numbers so no time zone can shift a month.

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** This month in the viewer's own time zone. */
export function thisMonth(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** `raw` when it is a valid `YYYY-MM`, else null. */
export function parseMonth(raw: string | null | undefined): string | null {
  const value = (raw ?? '').trim();
  return MONTH.test(value) ? value : null;
}

/** The month `delta` months after `month` (negative: before). */
export function shiftMonth(month: string, delta: number): string {
  const m = MONTH.exec(month);
  if (m === null) throw new Error(`not a month: ${month}`);
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) + delta;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months compare as strings: `YYYY-MM` sorts in time order. */
export function isAfter(month: string, other: string): boolean {
  return month > other;
}

/** "May 2026", for headings. */
export function monthLabel(month: string, locale?: string): string {
  const m = MONTH.exec(month);
  if (m === null) return month;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
