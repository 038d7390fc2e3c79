import { describe, expect, it } from 'vitest';
import type { AlertFieldsFragment } from '../gql/graphql';
import { DEFAULT_ALERT_FILTERS } from './filters';
import { applyChange, applyChanges } from './merge';

function alert(id: string, createdAt: string, patch: Partial<AlertFieldsFragment> = {}): AlertFieldsFragment {
  return {
    id,
    tenant: { id: 'acme', name: 'Acme', slug: 'acme' },
    ruleId: 'rule-1',
    ruleTitle: 'Whoami',
    severity: 'MEDIUM',
    status: 'NEW',
    disposition: null,
    assigneeId: null,
    assignee: null,
    groupKey: 'host=ws1',
    group: { host: 'ws1' },
    eventCount: 1,
    firstEventAt: createdAt,
    lastEventAt: createdAt,
    createdAt,
    sla: [],
    ...patch,
  };
}

const loaded = [alert('b', '2026-12-01T10:00:00Z'), alert('a', '2026-12-01T09:00:00Z')];
const ids = (list: readonly AlertFieldsFragment[]) => list.map((a) => a.id);

describe('merging live alert events into the queue', () => {
  it('puts a raised alert at the top of the newest-first queue and counts it', () => {
    const raised = alert('c', '2026-12-01T11:00:00Z');
    const merged = applyChange(loaded, { kind: 'RAISED', alert: raised }, DEFAULT_ALERT_FILTERS, false);
    expect(ids(merged.alerts)).toEqual(['c', 'b', 'a']);
    expect(merged.delta).toBe(1);
  });

  it('replaces an updated alert in place', () => {
    const acked = alert('a', '2026-12-01T09:00:00Z', { status: 'ACKNOWLEDGED', assigneeId: 'me' });
    const merged = applyChange(loaded, { kind: 'UPDATED', alert: acked }, DEFAULT_ALERT_FILTERS, false);
    expect(ids(merged.alerts)).toEqual(['b', 'a']);
    expect(merged.alerts[1]?.status).toBe('ACKNOWLEDGED');
    expect(merged.delta).toBe(0);
  });

  it('drops an alert that no longer matches the filter (closed, from the open queue)', () => {
    const closed = alert('b', '2026-12-01T10:00:00Z', { status: 'CLOSED' });
    const merged = applyChange(loaded, { kind: 'UPDATED', alert: closed }, DEFAULT_ALERT_FILTERS, false);
    expect(ids(merged.alerts)).toEqual(['a']);
    expect(merged.delta).toBe(-1);
  });

  it('ignores alerts outside the filter', () => {
    const other = alert('x', '2026-12-01T11:00:00Z', { severity: 'LOW' });
    const merged = applyChange(loaded, { kind: 'RAISED', alert: other }, { ...DEFAULT_ALERT_FILTERS, severity: ['HIGH'] }, false);
    expect(ids(merged.alerts)).toEqual(['b', 'a']);
    expect(merged.delta).toBe(0);
  });

  it('sorts by severity in the most-severe order, leaving what falls past the loaded rows to "Load more"', () => {
    const order = { ...DEFAULT_ALERT_FILTERS, order: 'severity' as const };
    const high = alert('h', '2026-12-01T08:00:00Z', { severity: 'HIGH' });
    expect(ids(applyChange(loaded, { kind: 'RAISED', alert: high }, order, false).alerts)).toEqual(['h', 'b', 'a']);
    const low = alert('l', '2026-12-01T11:00:00Z', { severity: 'LOW' });
    const past = applyChange(loaded, { kind: 'RAISED', alert: low }, order, false);
    expect(ids(past.alerts)).toEqual(['b', 'a']);
    expect(past.delta).toBe(1);
    expect(ids(applyChange(loaded, { kind: 'RAISED', alert: low }, order, true).alerts)).toEqual(['b', 'a', 'l']);
  });

  it('applies changes in arrival order, so the latest state of an alert wins', () => {
    const raised = alert('c', '2026-12-01T11:00:00Z');
    const acked = { ...raised, status: 'ACKNOWLEDGED' as const };
    const merged = applyChanges(
      loaded,
      [
        { kind: 'RAISED', alert: raised },
        { kind: 'UPDATED', alert: acked },
      ],
      DEFAULT_ALERT_FILTERS,
      false,
    );
    expect(ids(merged.alerts)).toEqual(['c', 'b', 'a']);
    expect(merged.alerts[0]?.status).toBe('ACKNOWLEDGED');
    expect(merged.delta).toBe(1);
  });

  it('removes an alert the server says left the view, even when it still looks like a match', () => {
    const left = alert('a', '2026-12-01T09:00:00Z');
    const merged = applyChange(loaded, { kind: 'LEFT', alert: left }, DEFAULT_ALERT_FILTERS, false);
    expect(ids(merged.alerts)).toEqual(['b']);
    expect(merged.delta).toBe(-1);
    // Not loaded: counted beyond the loaded rows unless every page is loaded.
    expect(applyChange(loaded, { kind: 'LEFT', alert: alert('z', '2026-12-01T01:00:00Z') }, DEFAULT_ALERT_FILTERS, false).delta).toBe(-1);
    expect(applyChange(loaded, { kind: 'LEFT', alert: alert('z', '2026-12-01T01:00:00Z') }, DEFAULT_ALERT_FILTERS, true).delta).toBe(0);
  });
});
