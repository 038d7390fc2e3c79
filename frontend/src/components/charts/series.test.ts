import { describe, expect, it } from 'vitest';
import { localDay, maxValue, shortMonth, timeBarSeries, timeTickLabels } from './series';

const H = 3_600_000;
const T0 = Date.UTC(2026, 11, 1, 10);

describe('timeBarSeries', () => {
  it('centres each bar on its range, in seconds, and spans first start to last end', () => {
    const { data, range } = timeBarSeries([
      { from: T0, to: T0 + H, value: 3 },
      { from: T0 + H, to: T0 + 2 * H, value: 0 },
      { from: T0 + 2 * H, to: T0 + 3 * H, value: 6 },
    ]);
    expect(data[0]).toEqual([T0 / 1000 + 1800, T0 / 1000 + 5400, T0 / 1000 + 9000]);
    expect(data[1]).toEqual([3, 0, 6]);
    expect(range).toEqual([T0 / 1000, T0 / 1000 + 3 * 3600]);
  });

  it('keeps a short last bucket centred on what it covers and nothing measured as a gap', () => {
    const { data, range } = timeBarSeries([
      { from: T0, to: T0 + 24_000, value: 1 },
      { from: T0 + 24_000, to: T0 + 30_000, value: null },
    ]);
    expect(data[0]).toEqual([T0 / 1000 + 12, T0 / 1000 + 27]);
    expect(data[1]).toEqual([1, null]);
    expect(range).toEqual([T0 / 1000, T0 / 1000 + 30]);
  });

  it('has no range without bars', () => {
    expect(timeBarSeries([])).toEqual({ data: [[], []], range: null });
  });
});

describe('maxValue', () => {
  it('is the largest value, never below the floor', () => {
    expect(maxValue([{ from: 0, to: 1, value: 0 }, { from: 1, to: 2, value: null }])).toBe(1);
    expect(maxValue([{ from: 0, to: 1, value: 7.5 }])).toBe(7.5);
  });
});

describe('localDay', () => {
  it('runs from the viewer\'s midnight to the next', () => {
    const day = localDay('2026-12-01');
    expect(day).toEqual({ from: new Date(2026, 11, 1).getTime(), to: new Date(2026, 11, 2).getTime() });
    expect(new Date(day!.from).getDate()).toBe(1);
    expect(localDay('2026-12-31')!.to).toBe(new Date(2027, 0, 1).getTime());
  });

  it('refuses what is not a calendar day', () => {
    expect(localDay('2026-02-30')).toBeNull();
    expect(localDay('1 Dec')).toBeNull();
  });
});

describe('shortMonth', () => {
  it('names the month at the middle of a UTC-bounded month, whatever the zone', () => {
    const july = { from: Date.UTC(2026, 6, 1), to: Date.UTC(2026, 7, 1) };
    expect(shortMonth(july, 'en-GB', 'America/Los_Angeles')).toBe('Jul');
    expect(shortMonth(july, 'en-GB', 'Pacific/Auckland')).toBe('Jul');
  });
});

describe('timeTickLabels', () => {
  const t = T0 / 1000;
  it('reads hours on a 24-hour clock in the given zone', () => {
    expect(timeTickLabels([t, t + 3600], 3600, 'en-GB', 'Europe/Berlin')).toEqual(['11:00', '12:00']);
    expect(timeTickLabels([t + 30], 30, 'en-GB', 'UTC')).toEqual(['10:00:30']);
  });

  it('reads days and months', () => {
    expect(timeTickLabels([t], 86_400, 'en-GB', 'UTC')).toEqual(['1 Dec']);
    expect(timeTickLabels([t], 30 * 86_400, 'en-GB', 'UTC')).toEqual(['Dec 2026']);
  });

  it('places a day by the zone: late on the 1st in UTC is the 2nd in Tokyo', () => {
    const late = Date.UTC(2026, 11, 1, 20) / 1000;
    expect(timeTickLabels([late], 86_400, 'en-GB', 'Asia/Tokyo')).toEqual(['2 Dec']);
  });
});
