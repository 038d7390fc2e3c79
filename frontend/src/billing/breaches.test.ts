import { describe, expect, it } from 'vitest';
import { breachedBySeconds, subjectPath } from './breaches';

describe('breachedBySeconds', () => {
  const now = new Date('2026-11-20T12:00:00Z');

  it('counts to completion when the target was met late', () => {
    expect(breachedBySeconds({ dueAt: '2026-11-20T10:00:00Z', completedAt: '2026-11-20T10:45:30Z' }, now)).toEqual({ seconds: 2730, running: false });
  });

  it('counts to now while the clock still runs', () => {
    expect(breachedBySeconds({ dueAt: '2026-11-20T09:00:00Z', completedAt: null }, now)).toEqual({ seconds: 10_800, running: true });
  });

  it('is never negative', () => {
    expect(breachedBySeconds({ dueAt: '2026-11-20T13:00:00Z' }, now)).toEqual({ seconds: 0, running: true });
  });
});

describe('subjectPath', () => {
  it('links cases for everyone and alerts only for those who read alerts', () => {
    expect(subjectPath('CASE', 'c 1', false)).toBe('/cases/c%201');
    expect(subjectPath('ALERT', 'a1', true)).toBe('/alerts/a1');
    expect(subjectPath('ALERT', 'a1', false)).toBeNull();
  });
});
