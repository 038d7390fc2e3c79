// The case list's filters as React state backed by the URL query string.

import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { caseFiltersToParams, parseCaseFilters, type CaseListFilters } from './filters';

export function useCaseFilters(): [CaseListFilters, (next: CaseListFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseCaseFilters(params), [params]);
  const setFilters = useCallback((next: CaseListFilters) => setParams(caseFiltersToParams(next)), [setParams]);
  return [filters, setFilters];
}
