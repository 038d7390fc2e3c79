// The queue as shown: pages of `alerts` ("Load more") with live changes applied on top. The
// live feed is the `alertEvents` subscription with the same filter; this console's own triage
// results are applied the same way, so a closed alert leaves an open queue at once.

import { useCallback, useEffect, useMemo, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import type { AlertFieldsFragment } from '../gql/graphql';
import { usePaginated } from '../graphql/usePaginated';
import { AlertEventsSubscription, AlertsQuery } from './documents';
import { alertFilter, alertFiltersToParams, alertOrder, parseAlertFilters, type AlertQueueFilters } from './filters';
import { applyChanges, type AlertChange } from './merge';

const PAGE_SIZE = 50;

export interface AlertQueue {
  alerts: AlertFieldsFragment[];
  totalCount: number | null;
  hasNextPage: boolean;
  loading: boolean;
  error: CombinedError | null;
  liveError: CombinedError | null;
  /** Alerts raised since the queue was loaded (for the live announcement). */
  raisedSinceLoad: number;
  loadMore: () => void;
  /** Triage results, applied like live updates. */
  applyUpdates: (alerts: readonly AlertFieldsFragment[]) => void;
}

export function useAlertQueue(filters: AlertQueueFilters): AlertQueue {
  const client = useClient();
  const key = alertFiltersToParams(filters).toString();
  const stable = useMemo(() => parseAlertFilters(new URLSearchParams(key)), [key]);
  const variables = useMemo(() => ({ filter: alertFilter(stable), orderBy: alertOrder(stable) }), [stable]);
  const page = usePaginated(AlertsQuery, variables, (d) => d.alerts, PAGE_SIZE);
  // Changes belong to one filter: a new filter starts from fresh pages and no changes.
  const [changes, setChanges] = useState<{ key: string; list: AlertChange[] }>({ key, list: [] });
  const [liveError, setLiveError] = useState<CombinedError | null>(null);
  const push = useCallback(
    (added: AlertChange[]) =>
      setChanges((prev) => ({ key, list: prev.key === key ? [...prev.list, ...added] : added })),
    [key],
  );

  useEffect(() => {
    const { unsubscribe } = client
      .subscription(AlertEventsSubscription, { filter: variables.filter })
      .subscribe((result) => {
        if (result.error !== undefined) {
          setLiveError(result.error);
          return;
        }
        setLiveError(null);
        const event = result.data?.alertEvents;
        if (event !== undefined) {
          const kind = event.kind === 'UPDATED' && !event.matchesFilter ? 'LEFT' : event.kind;
          push([{ kind, alert: event.alert }]);
        }
      });
    return unsubscribe;
  }, [client, variables, push]);

  const current = changes.key === key ? changes.list : [];
  const merged = useMemo(
    () => applyChanges(page.nodes, current, stable, !page.hasNextPage),
    [page.nodes, current, stable, page.hasNextPage],
  );
  const applyUpdates = useCallback(
    (alerts: readonly AlertFieldsFragment[]) => push(alerts.map((alert) => ({ kind: 'UPDATED' as const, alert }))),
    [push],
  );

  return {
    alerts: merged.alerts,
    totalCount: page.totalCount === null ? null : page.totalCount + merged.delta,
    hasNextPage: page.hasNextPage,
    loading: page.loading,
    error: page.error,
    liveError,
    raisedSinceLoad: current.filter((c) => c.kind === 'RAISED').length,
    loadMore: page.loadMore,
    applyUpdates,
  };
}
