// A report month (`YYYY-MM`) as the instants the API takes for it: the first moment of the month
// and of the next in the tenant's own time zone, as the account report counts its month. Used to
// ask `slaReport` for exactly the clocks the report's SLA figures cover.

/** How far `timeZone`'s wall clock is ahead of UTC at `utcMs`, in ms. Throws for an unknown zone. */
function offsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** The UTC instant of midnight on the 1st of `month0` (0-based) of `year` in `timeZone`. */
function localMonthStart(year: number, month0: number, timeZone: string): number {
  const wall = Date.UTC(year, month0, 1);
  // Twice: the offset at the first guess may differ from the one at the answer across a DST change.
  const guess = wall - offsetMs(wall, timeZone);
  return wall - offsetMs(guess, timeZone);
}

/** `{ from, to }` as ISO instants, or null for a malformed month. An unknown zone counts as UTC. */
export function zonedMonthRange(month: string, timeZone: string): { from: string; to: string } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (m === null) return null;
  const year = Number(m[1]);
  const month0 = Number(m[2]) - 1;
  let zone = timeZone;
  try {
    offsetMs(0, zone);
  } catch {
    zone = 'UTC';
  }
  return {
    from: new Date(localMonthStart(year, month0, zone)).toISOString(),
    to: new Date(localMonthStart(year, month0 + 1, zone)).toISOString(),
  };
}
