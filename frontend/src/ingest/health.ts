// Ingest health: each source's counts over the last 24 hours and in the last hour (its current
// events per hour), and whether it has gone silent, meaning it sent events earlier in the day but
// nothing in the last hour. Silent sources come first, so they stand out.

export interface SourceCounts {
  source: string;
  received: number;
  stored: number;
  rejected: number;
  deadLettered: number;
  bytes: number;
}

export interface SourceHealth extends SourceCounts {
  /** Events received in the last hour. */
  lastHour: number;
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

/**
 * Joins the day's counts with the last hour's: a source with traffic today and none this hour is
 * silent. Silent sources first, then by name.
 */
export function sourceHealth(
  day: readonly SourceCounts[],
  lastHour: ReadonlyArray<{ source: string; received: number }>,
): SourceHealth[] {
  const recent = new Map(lastHour.map((s) => [s.source, s.received]));
  return day
    .map((s) => {
      const lastHour = recent.get(s.source) ?? 0;
      return { ...s, lastHour, silent: s.received > 0 && lastHour === 0 };
    })
    .sort((a, b) => Number(b.silent) - Number(a.silent) || a.source.localeCompare(b.source));
}
