// The Hunt page's filters as React state backed by the URL query string.

import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { huntFiltersToParams, parseHuntFilters, type HuntFilters } from './filters';

export function useHuntFilters(): [HuntFilters, (next: HuntFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseHuntFilters(params), [params]);
  // Each search is its own history entry, so Back returns to the previous search.
  const setFilters = useCallback((next: HuntFilters) => setParams(huntFiltersToParams(next)), [setParams]);
  return [filters, setFilters];
}
