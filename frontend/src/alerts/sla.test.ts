import { describe, expect, it } from 'vitest';
import { slaSummary, type SlaClock } from './sla';

const NOW = new Date('2026-12-01T12:00:00Z');

const ack: SlaClock = {
  target: 'ACKNOWLEDGE',
  status: 'RUNNING',
  warnAt: '2026-12-01T12:30:00Z',
  dueAt: '2026-12-01T13:00:00Z',
  paused: false,
};
const resolve: SlaClock = { ...ack, target: 'RESOLVE', warnAt: '2026-12-02T06:00:00Z', dueAt: '2026-12-02T12:00:00Z' };

describe('slaSummary', () => {
  it('counts down to the open clock due first', () => {
    expect(slaSummary([resolve, ack], NOW)).toEqual({
      tone: 'running',
      target: 'ACKNOWLEDGE',
      dueAt: '2026-12-01T13:00:00Z',
      remainingMs: 3_600_000,
    });
  });

  it('turns to warning and overdue on time, without a refetch', () => {
    expect(slaSummary([ack], new Date('2026-12-01T12:40:00Z')).tone).toBe('warning');
    const late = slaSummary([ack], new Date('2026-12-01T13:05:00Z'));
    expect(late.tone).toBe('breached');
    expect(late.remainingMs).toBe(-300_000);
  });

  it('moves on to the next clock once one completes, and says how a closed alert did', () => {
    const met = { ...ack, status: 'MET' as const };
    expect(slaSummary([met, resolve], NOW).target).toBe('RESOLVE');
    expect(slaSummary([met, { ...resolve, status: 'MET' }], NOW).tone).toBe('met');
    expect(slaSummary([met, { ...resolve, status: 'MISSED' }], NOW).tone).toBe('missed');
    expect(slaSummary([], NOW).tone).toBe('none');
  });

  it('shows a paused clock as paused', () => {
    expect(slaSummary([{ ...ack, status: 'PAUSED', paused: true }], NOW).tone).toBe('paused');
  });
});
