import { describe, expect, it } from 'vitest';
import { formatAbsolute, formatDuration, formatRelative, parseTimestamp } from './time';

const now = new Date('2026-11-22T12:00:00Z');
const ago = (secs: number) => new Date(now.getTime() - secs * 1000);

describe('formatRelative', () => {
  it('calls the last 45 seconds "just now", in either direction', () => {
    expect(formatRelative(ago(0), now)).toBe('just now');
    expect(formatRelative(ago(44), now)).toBe('just now');
    expect(formatRelative(ago(-30), now)).toBe('just now');
  });

  it('picks the largest unit that reads naturally', () => {
    expect(formatRelative(ago(50), now)).toBe('1 minute ago');
    expect(formatRelative(ago(5 * 60), now)).toBe('5 minutes ago');
    expect(formatRelative(ago(50 * 60), now)).toBe('1 hour ago');
    expect(formatRelative(ago(3 * 3600), now)).toBe('3 hours ago');
    expect(formatRelative(ago(23 * 3600), now)).toBe('yesterday');
    expect(formatRelative(ago(3 * 86_400), now)).toBe('3 days ago');
    expect(formatRelative(ago(60 * 86_400), now)).toBe('2 months ago');
    expect(formatRelative(ago(800 * 86_400), now)).toBe('2 years ago');
  });

  it('speaks of the future too', () => {
    expect(formatRelative(ago(-2 * 3600), now)).toBe('in 2 hours');
  });
});

describe('formatAbsolute', () => {
  it('shows the moment in the viewer\'s time zone, with the zone named', () => {
    expect(formatAbsolute(now, 'Europe/Berlin')).toBe('22 Nov 2026, 13:00:00 CET');
    expect(formatAbsolute(now, 'America/New_York')).toBe('22 Nov 2026, 07:00:00 GMT-5');
    expect(formatAbsolute(now, 'UTC')).toBe('22 Nov 2026, 12:00:00 UTC');
  });
});

describe('parseTimestamp', () => {
  it('reads RFC 3339 from the API and rejects anything else', () => {
    expect(parseTimestamp('2026-11-22T12:00:00.123456Z')?.toISOString()).toBe('2026-11-22T12:00:00.123Z');
    expect(parseTimestamp('yesterday')).toBeNull();
  });
});

describe('formatDuration', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(185)).toBe('3 min 5 s');
    expect(formatDuration(7800)).toBe('2 h 10 min');
    expect(formatDuration(86_400 + 4 * 3600 + 59)).toBe('1 d 4 h');
    expect(formatDuration(3600)).toBe('1 h');
  });
});
