import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Provider, type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import type { AlertFieldsFragment } from '../gql/graphql';
import { DEFAULT_ALERT_FILTERS } from './filters';
import { useAlertQueue } from './useAlertQueue';

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

type Sink = (result: { data?: unknown; error?: undefined }) => void;

/** One page of two alerts, and a live feed the test pushes events into. */
function liveClient() {
  const sinks: Sink[] = [];
  const subscriptionVars: unknown[] = [];
  const page = [alert('b', '2026-12-01T10:00:00Z'), alert('a', '2026-12-01T09:00:00Z')];
  const client = {
    query: vi.fn(() => ({
      toPromise: async () => ({
        data: {
          alerts: {
            totalCount: 2,
            edges: page.map((node) => ({ cursor: node.id, node })),
            pageInfo: { hasNextPage: false, endCursor: 'a' },
          },
        },
        error: undefined,
      }),
    })),
    subscription: vi.fn((_doc: unknown, vars: unknown) => {
      subscriptionVars.push(vars);
      return {
        subscribe(sink: Sink) {
          sinks.push(sink);
          return { unsubscribe: () => sinks.splice(sinks.indexOf(sink), 1) };
        },
      };
    }),
  } as unknown as Client;
  const emit = (kind: 'RAISED' | 'UPDATED', a: AlertFieldsFragment, matchesFilter = true) =>
    act(() => sinks.forEach((s) => s({ data: { alertEvents: { kind, matchesFilter, alert: a } } })));
  return { client, emit, subscriptionVars, sinks };
}

describe('useAlertQueue', () => {
  it('subscribes with the queue\'s filter and merges live events into the loaded page', async () => {
    const { client, emit, subscriptionVars } = liveClient();
    const wrapper = ({ children }: { children: ReactNode }) => <Provider value={client}>{children}</Provider>;
    const { result } = renderHook(() => useAlertQueue(DEFAULT_ALERT_FILTERS), { wrapper });
    await waitFor(() => expect(result.current.totalCount).toBe(2));
    expect(subscriptionVars).toEqual([{ filter: { status: ['NEW', 'ACKNOWLEDGED'] } }]);

    emit('RAISED', alert('c', '2026-12-01T11:00:00Z', { ruleTitle: 'Live one' }));
    expect(result.current.alerts.map((a) => a.id)).toEqual(['c', 'b', 'a']);
    expect(result.current.totalCount).toBe(3);
    expect(result.current.raisedSinceLoad).toBe(1);

    emit('UPDATED', alert('b', '2026-12-01T10:00:00Z', { status: 'CLOSED', disposition: 'DUPLICATE' }));
    expect(result.current.alerts.map((a) => a.id)).toEqual(['c', 'a']);
    expect(result.current.totalCount).toBe(2);

    // An update the server says left the view goes, though the alert itself still looks open
    // (e.g. it was assigned away from an "unassigned" view).
    emit('UPDATED', alert('c', '2026-12-01T11:00:00Z'), false);
    expect(result.current.alerts.map((a) => a.id)).toEqual(['a']);
    expect(result.current.totalCount).toBe(1);

    // The console's own triage results land the same way.
    act(() => result.current.applyUpdates([alert('a', '2026-12-01T09:00:00Z', { status: 'ACKNOWLEDGED', assigneeId: 'me' })]));
    expect(result.current.alerts.find((a) => a.id === 'a')?.assigneeId).toBe('me');
  });

  it('resubscribes, and forgets earlier events, when the filter changes', async () => {
    const { client, emit, subscriptionVars, sinks } = liveClient();
    const wrapper = ({ children }: { children: ReactNode }) => <Provider value={client}>{children}</Provider>;
    const { result, rerender } = renderHook(({ f }) => useAlertQueue(f), {
      wrapper,
      initialProps: { f: DEFAULT_ALERT_FILTERS },
    });
    await waitFor(() => expect(result.current.totalCount).toBe(2));
    emit('RAISED', alert('c', '2026-12-01T11:00:00Z'));
    rerender({ f: { ...DEFAULT_ALERT_FILTERS, severity: ['HIGH'] } });
    await waitFor(() => expect(subscriptionVars).toHaveLength(2));
    expect(subscriptionVars[1]).toEqual({ filter: { status: ['NEW', 'ACKNOWLEDGED'], severity: ['HIGH'] } });
    expect(sinks).toHaveLength(1);
    await waitFor(() => expect(result.current.raisedSinceLoad).toBe(0));
  });
});
