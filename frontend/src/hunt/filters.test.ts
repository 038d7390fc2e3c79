import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HUNT_FILTERS,
  eventFilter,
  fromLocalInput,
  huntFiltersToParams,
  parseHuntFilters,
  resolveRange,
  toLocalInput,
  type HuntFilters,
} from './filters';

const NOW = new Date('2026-11-22T09:00:00Z');

describe('hunt filters in the URL', () => {
  it('keeps the default search at the plain URL', () => {
    expect(huntFiltersToParams(DEFAULT_HUNT_FILTERS).toString()).toBe('');
    expect(parseHuntFilters(new URLSearchParams())).toEqual(DEFAULT_HUNT_FILTERS);
  });

  it('round-trips every filter of a custom search', () => {
    const filters: HuntFilters = {
      query: '"failed password" AND host:web-*',
      range: 'custom',
      from: '2026-11-21T08:00:00.000Z',
      to: '2026-11-21T20:30:00.000Z',
      host: 'web-01',
      source: 'syslog_udp',
    };
    const params = huntFiltersToParams(filters);
    expect(parseHuntFilters(new URLSearchParams(params.toString()))).toEqual(filters);
  });

  it('drops custom instants from a relative range, and falls back on nonsense', () => {
    const params = huntFiltersToParams({ ...DEFAULT_HUNT_FILTERS, range: '7d', from: '2026-11-21T08:00:00.000Z' });
    expect(params.toString()).toBe('range=7d');
    const parsed = parseHuntFilters(new URLSearchParams('range=fortnight&from=yesterday&host=%20db%20'));
    expect(parsed).toEqual({ ...DEFAULT_HUNT_FILTERS, host: 'db' });
  });
});

describe('resolveRange', () => {
  it('ends relative ranges now', () => {
    expect(resolveRange({ ...DEFAULT_HUNT_FILTERS, range: '1h' }, NOW)).toEqual({
      from: '2026-11-22T08:00:00.000Z',
      to: '2026-11-22T09:00:00.000Z',
    });
    expect(resolveRange({ ...DEFAULT_HUNT_FILTERS, range: '24h' }, NOW).from).toBe('2026-11-21T09:00:00.000Z');
    expect(resolveRange({ ...DEFAULT_HUNT_FILTERS, range: '7d' }, NOW).from).toBe('2026-11-15T09:00:00.000Z');
  });

  it('ends relative ranges on the whole second, so histogram buckets do too', () => {
    expect(resolveRange({ ...DEFAULT_HUNT_FILTERS, range: '1h' }, new Date('2026-11-22T09:00:05.987Z'))).toEqual({
      from: '2026-11-22T08:00:05.000Z',
      to: '2026-11-22T09:00:05.000Z',
    });
  });

  it('leaves an open end of a custom range to the server', () => {
    expect(resolveRange({ ...DEFAULT_HUNT_FILTERS, range: 'custom', from: '2026-11-20T00:00:00.000Z' }, NOW)).toEqual({
      from: '2026-11-20T00:00:00.000Z',
      to: null,
    });
  });
});

describe('eventFilter', () => {
  it('sends only what is set', () => {
    expect(eventFilter({ ...DEFAULT_HUNT_FILTERS, query: '  sshd  ', range: 'custom' }, NOW)).toEqual({ query: 'sshd' });
    expect(eventFilter({ ...DEFAULT_HUNT_FILTERS, source: 'http', host: 'fw1' }, NOW)).toEqual({
      from: '2026-11-21T09:00:00.000Z',
      to: '2026-11-22T09:00:00.000Z',
      host: 'fw1',
      source: 'http',
    });
  });
});

describe('datetime-local conversion', () => {
  it('round-trips through the viewer\'s zone to the minute', () => {
    const iso = '2026-11-21T08:15:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(fromLocalInput('')).toBe('');
    expect(toLocalInput('not a date')).toBe('');
  });
});
