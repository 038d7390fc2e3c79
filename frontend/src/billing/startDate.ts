// A subscription's start date: a local calendar date (`YYYY-MM-DD`) as the API's Date takes it.

/** The first day of the month after `now` (in the viewer's time zone): the usual start. */
export function firstOfNextMonth(now: Date = new Date()): string {
  const year = now.getMonth() === 11 ? now.getFullYear() + 1 : now.getFullYear();
  const month = (now.getMonth() + 1) % 12;
  return `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** `raw` when it is a real calendar date, else null (so 2026-02-30 is refused here, not by the server). */
export function parseDate(raw: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return raw.trim();
}
