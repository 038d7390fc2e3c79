// Ingest health: each source's counts over the last 24 hours, and whether it has gone silent,
// meaning it sent events earlier in the day but nothing in the last hour.

export interface SourceCounts {
  source: string;
  received: number;
  stored: number;
  rejected: number;
  deadLettered: number;
  bytes: number;
}

export interface SourceHealth extends SourceCounts {
  silent: boolean;
}

const HOUR_MS = 3_600_000;

/** The two windows the health table asks about, both ending at `now`. */
export function healthWindows(now: Date): { dayFrom: string; hourFrom: string; to: string } {
  return {
    dayFrom: new Date(now.getTime() - 24 * HOUR_MS).toISOString(),
    hourFrom: new Date(now.getTime() - HOUR_MS).toISOString(),
    to: now.toISOString(),
  };
}

/** Joins the day's counts with the last hour's: a source with traffic today and none this hour is silent. */
export function sourceHealth(
  day: readonly SourceCounts[],
  lastHour: ReadonlyArray<{ source: string; received: number }>,
): SourceHealth[] {
  const recent = new Map(lastHour.map((s) => [s.source, s.received]));
  return day
    .map((s) => ({ ...s, silent: s.received > 0 && (recent.get(s.source) ?? 0) === 0 }))
    .sort((a, b) => a.source.localeCompare(b.source));
}
