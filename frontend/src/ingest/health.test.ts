import { describe, expect, it } from 'vitest';
import { healthWindows, hostHealth, sourceHealth, type SourceCounts } from './health';

const counts = (source: string, received: number): SourceCounts => ({
  source,
  received,
  stored: received,
  rejected: 0,
  deadLettered: 0,
  bytes: received * 100,
});

describe('sourceHealth', () => {
  it('marks a source silent when it sent today but nothing in the last hour', () => {
    const health = sourceHealth([counts('syslog_udp', 600)], []);
    expect(health).toEqual([{ ...counts('syslog_udp', 600), lastHour: 0, silent: true }]);
  });

  it('keeps a source that sent in the last hour healthy', () => {
    const health = sourceHealth([counts('http', 40)], [{ source: 'http', received: 3 }]);
    expect(health[0]?.silent).toBe(false);
    expect(health[0]?.lastHour).toBe(3);
  });

  it('does not call a source silent that received nothing all day', () => {
    expect(sourceHealth([counts('hec', 0)], [])[0]?.silent).toBe(false);
  });

  it('judges each source on its own, silent ones first, then by name', () => {
    const health = sourceHealth(
      [counts('syslog_tcp', 5), counts('http', 9), counts('hec', 4), counts('syslog_udp', 2)],
      [{ source: 'syslog_tcp', received: 1 }, { source: 'hec', received: 2 }],
    );
    expect(health.map((h) => [h.source, h.silent])).toEqual([
      ['http', true],
      ['syslog_udp', true],
      ['hec', false],
      ['syslog_tcp', false],
    ]);
  });
});

describe('healthWindows', () => {
  it('asks about the last 24 hours and the last hour, ending now', () => {
    expect(healthWindows(new Date('2026-11-22T09:00:00Z'))).toEqual({
      dayFrom: '2026-11-21T09:00:00.000Z',
      hourFrom: '2026-11-22T08:00:00.000Z',
      to: '2026-11-22T09:00:00.000Z',
    });
  });
});

describe('hostHealth', () => {
  it('puts hosts quiet for over an hour first, the longest silent leading', () => {
    const now = new Date('2026-11-22T09:00:00Z');
    const health = hostHealth(
      [
        { host: 'web01', events: 5, lastSeenAt: '2026-11-22T08:59:00Z' },
        { host: 'fw02', events: 9, lastSeenAt: '2026-11-22T07:00:00Z' },
        { host: 'app01', events: 1, lastSeenAt: '2026-11-22T08:30:00Z' },
        { host: 'fw01', events: 2, lastSeenAt: '2026-11-21T23:00:00Z' },
        { host: 'old', events: 0, lastSeenAt: null },
      ],
      now,
    );
    expect(health.map((h) => [h.host, h.silent])).toEqual([
      ['old', true],
      ['fw01', true],
      ['fw02', true],
      ['app01', false],
      ['web01', false],
    ]);
  });
});
