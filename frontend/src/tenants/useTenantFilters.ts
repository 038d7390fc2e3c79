// The tenant list's filters as React state backed by the URL query string.

import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { filtersToParams, parseFilters, type TenantFilters } from './filters';

export function useTenantFilters(): [TenantFilters, (next: TenantFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const setFilters = useCallback(
    // replace: typing in the search box should not leave one history entry per keystroke.
    (next: TenantFilters) => setParams(filtersToParams(next), { replace: true }),
    [setParams],
  );
  return [filters, setFilters];
}
