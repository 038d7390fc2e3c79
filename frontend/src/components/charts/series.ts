// Chart data without React or uPlot: bars that each cover a time range [from, to) become uPlot's
// aligned data (x at each bar's middle, in seconds, as uPlot's time scale counts) and an x range
// running from the first bar's start to the last one's end, so every bar is drawn whole and the
// plot area splits evenly between equal buckets. Also the local day a `YYYY-MM-DD` names and the
// axis labels of a time scale, in the viewer's time zone.

export interface TimeBar {
  /** Start of the bar's range, epoch milliseconds (inclusive). */
  from: number;
  /** End of the bar's range, epoch milliseconds (exclusive). */
  to: number;
  /** null draws no bar (nothing measured), unlike 0. */
  value: number | null;
}

export interface BarSeries {
  /** uPlot's aligned data: `[x seconds, values]`. */
  data: [number[], (number | null)[]];
  /** The x scale's range in seconds: first start to last end; null without bars. */
  range: [number, number] | null;
}

/** Bars in time order become uPlot data centred on each range, and the range they span. */
export function timeBarSeries(bars: readonly TimeBar[]): BarSeries {
  const xs = bars.map((b) => (b.from + b.to) / 2 / 1000);
  const ys = bars.map((b) => b.value);
  if (bars.length === 0) return { data: [xs, ys], range: null };
  const from = Math.min(...bars.map((b) => b.from));
  const to = Math.max(...bars.map((b) => b.to));
  return { data: [xs, ys], range: [from / 1000, to / 1000] };
}

/** The largest value, at least `floor` (an all-zero chart keeps a visible scale). */
export function maxValue(bars: readonly TimeBar[], floor = 1): number {
  return Math.max(floor, ...bars.map((b) => b.value ?? 0));
}

/**
 * The day `YYYY-MM-DD` from the viewer's midnight to the next one (23 or 25 hours across a DST
 * change), so a time axis in the viewer's zone labels it with that date; null when malformed.
 */
export function localDay(day: string): { from: number; to: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const from = new Date(y, mo, d);
  if (from.getFullYear() !== y || from.getMonth() !== mo || from.getDate() !== d) return null;
  return { from: from.getTime(), to: new Date(y, mo, d + 1).getTime() };
}

const DAY = 86_400;

/** Steps for a value axis in seconds, so its ticks read as round durations ("30 min", "2 h", "1 d"). */
export const DURATION_INCRS = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, DAY, 2 * DAY, 3 * DAY, 7 * DAY, 14 * DAY, 28 * DAY];

/** A bar's month, short ("Jul"), read at the middle of its range in the viewer's zone (or `timeZone`). */
export function shortMonth(bar: { from: number; to: number }, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', timeZone }).format(new Date((bar.from + bar.to) / 2));
}

/**
 * Tick labels for a time axis whose ticks are `incr` seconds apart, in the viewer's zone (or
 * `timeZone`): "14:00" within a day, "3 Dec" for days, "Dec 2026" for months, 24-hour clock.
 */
export function timeTickLabels(ticks: readonly number[], incr: number, locale?: string, timeZone?: string): string[] {
  const opts: Intl.DateTimeFormatOptions =
    incr >= 28 * DAY
      ? { month: 'short', year: 'numeric', timeZone }
      : incr >= DAY
        ? { day: 'numeric', month: 'short', timeZone }
        : { hour: '2-digit', minute: '2-digit', ...(incr % 60 === 0 ? {} : { second: '2-digit' }), hourCycle: 'h23', timeZone };
  const fmt = new Intl.DateTimeFormat(locale, opts);
  return ticks.map((t) => fmt.format(new Date(t * 1000)));
}
