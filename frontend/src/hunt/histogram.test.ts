import { describe, expect, it } from 'vitest';
import { DEFAULT_HUNT_FILTERS, huntFiltersToParams } from './filters';
import { bucketDuration, bucketLabel, bucketRange, eventCount, narrowToBucket, type Histogram } from './histogram';

// 24 hours in 60 buckets of 24 minutes, from 2026-12-01 00:00 UTC.
const day: Histogram = {
  from: '2026-12-01T00:00:00.000Z',
  to: '2026-12-02T00:00:00.000Z',
  bucketSeconds: 1440,
  counts: Array.from({ length: 60 }, (_, i) => i),
};

describe('bucketRange', () => {
  it('gives bucket i the half-open range from + i·bucketSeconds to the next bucket', () => {
    expect(bucketRange(day, 0)).toEqual({ from: '2026-12-01T00:00:00.000Z', to: '2026-12-01T00:24:00.000Z' });
    expect(bucketRange(day, 1)).toEqual({ from: '2026-12-01T00:24:00.000Z', to: '2026-12-01T00:48:00.000Z' });
    expect(bucketRange(day, 59)).toEqual({ from: '2026-12-01T23:36:00.000Z', to: '2026-12-02T00:00:00.000Z' });
  });

  it('cuts the last bucket at the end of the search when the range does not divide evenly', () => {
    const odd: Histogram = { from: '2026-12-01T10:00:00Z', to: '2026-12-01T10:00:50Z', bucketSeconds: 20, counts: [1, 2, 3] };
    expect(bucketRange(odd, 2)).toEqual({ from: '2026-12-01T10:00:40.000Z', to: '2026-12-01T10:00:50.000Z' });
  });

  it('keeps sub-second starts exact', () => {
    const h: Histogram = { from: '2026-12-01T10:00:00.250Z', to: '2026-12-01T11:00:00.250Z', bucketSeconds: 60, counts: Array(60).fill(0) };
    expect(bucketRange(h, 3)).toEqual({ from: '2026-12-01T10:03:00.250Z', to: '2026-12-01T10:04:00.250Z' });
  });

  it('is null for a bucket that does not exist or a histogram that makes no sense', () => {
    expect(bucketRange(day, -1)).toBeNull();
    expect(bucketRange(day, 60)).toBeNull();
    expect(bucketRange(day, 1.5)).toBeNull();
    expect(bucketRange({ ...day, bucketSeconds: 0 }, 0)).toBeNull();
    expect(bucketRange({ ...day, from: 'yesterday' }, 0)).toBeNull();
  });
});

describe('narrowToBucket', () => {
  it('keeps query, host and source and makes the bucket a custom range in the URL', () => {
    const filters = { ...DEFAULT_HUNT_FILTERS, query: '"failed password"', host: 'web01', source: 'syslog_udp' };
    const next = narrowToBucket(filters, day, 35);
    expect(next).toEqual({
      ...filters,
      range: 'custom',
      from: '2026-12-01T14:00:00.000Z',
      to: '2026-12-01T14:24:00.000Z',
    });
    expect(huntFiltersToParams(next!).toString()).toBe(
      'q=%22failed+password%22&range=custom&from=2026-12-01T14%3A00%3A00.000Z&to=2026-12-01T14%3A24%3A00.000Z&host=web01&source=syslog_udp',
    );
  });

  it('narrows a custom range further', () => {
    const filters = { ...DEFAULT_HUNT_FILTERS, range: 'custom' as const, from: day.from, to: day.to };
    expect(narrowToBucket(filters, day, 0)).toMatchObject({ from: '2026-12-01T00:00:00.000Z', to: '2026-12-01T00:24:00.000Z' });
  });

  it('changes nothing for a bucket that does not exist', () => {
    expect(narrowToBucket(DEFAULT_HUNT_FILTERS, day, 99)).toBeNull();
  });
});

describe('bucketLabel', () => {
  it('shows the bucket in the given time zone, the end once when on the same day', () => {
    const range = bucketRange(day, 35)!;
    expect(bucketLabel(range, 'en-GB', 'Europe/Berlin')).toBe('1 Dec 2026, 15:00–15:24');
    expect(bucketLabel(range, 'en-GB', 'America/New_York')).toBe('1 Dec 2026, 09:00–09:24');
  });

  it('shows both dates for a bucket that spans midnight there, but not for one ending at midnight', () => {
    expect(bucketLabel(bucketRange(day, 57)!, 'en-GB', 'Europe/Berlin')).toBe('1 Dec 2026, 23:48 – 2 Dec 2026, 00:12');
    expect(bucketLabel(bucketRange(day, 59)!, 'en-GB', 'UTC')).toBe('1 Dec 2026, 23:36–00:00');
    expect(bucketLabel({ from: '2026-12-01T22:00:00Z', to: '2026-12-02T04:00:00Z' }, 'en-GB', 'UTC')).toBe(
      '1 Dec 2026, 22:00 – 2 Dec 2026, 04:00',
    );
  });

  it('shows seconds when the bucket does not start and end on whole minutes', () => {
    expect(bucketLabel({ from: '2026-12-01T10:00:40Z', to: '2026-12-01T10:01:00Z' }, 'en-GB', 'UTC')).toBe(
      '1 Dec 2026, 10:00:40–10:01:00',
    );
    expect(bucketLabel({ from: '2026-12-01T10:17:41Z', to: '2026-12-01T10:41:41Z' }, 'en-GB', 'UTC')).toBe(
      '1 Dec 2026, 10:17:41–10:41:41',
    );
  });
});

describe('eventCount', () => {
  it('says event or events', () => {
    expect(eventCount(1, 'en-GB')).toBe('1 event');
    expect(eventCount(1234, 'en-GB')).toBe('1,234 events');
    expect(eventCount(0, 'en-GB')).toBe('0 events');
  });
});

describe('bucketDuration', () => {
  it('says how long one bar lasts in the largest whole unit', () => {
    expect(bucketDuration(1440)).toBe('24 min');
    expect(bucketDuration(3600)).toBe('1 h');
    expect(bucketDuration(10_080)).toBe('168 min');
    expect(bucketDuration(86_400)).toBe('1 day');
    expect(bucketDuration(172_800)).toBe('2 days');
    expect(bucketDuration(45)).toBe('45 s');
  });
});
