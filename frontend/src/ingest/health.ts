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

/** A sending host as the API reports it. */
export interface HostActivity {
  host: string;
  events: number;
  lastSeenAt?: string | null;
}

export interface HostHealth extends HostActivity {
  /** Sent in the window, but nothing for the last hour. */
  silent: boolean;
}

/**
 * Flags hosts whose latest event arrived more than an hour before `now`, silent ones first (the
 * longest silent leading), then the rest by name.
 */
export function hostHealth(hosts: readonly HostActivity[], now: Date): HostHealth[] {
  const cutoff = now.getTime() - HOUR_MS;
  const seen = (h: HostActivity) => (h.lastSeenAt === null || h.lastSeenAt === undefined ? 0 : Date.parse(h.lastSeenAt));
  return hosts
    .map((h) => ({ ...h, silent: seen(h) < cutoff }))
    .sort((a, b) => Number(b.silent) - Number(a.silent) || (a.silent ? seen(a) - seen(b) : a.host.localeCompare(b.host)));
}
