// The alert queue's filters as React state backed by the URL query string.

import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { alertFiltersToParams, parseAlertFilters, type AlertQueueFilters } from './filters';

export function useAlertFilters(): [AlertQueueFilters, (next: AlertQueueFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseAlertFilters(params), [params]);
  // Each filter change is its own history entry, so Back returns to the previous view.
  const setFilters = useCallback((next: AlertQueueFilters) => setParams(alertFiltersToParams(next)), [setParams]);
  return [filters, setFilters];
}
