// The portfolio's month and sort as React state backed by the URL query string.

import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseView, viewToParams, type PortfolioView } from './portfolioView';

export function usePortfolioView(): [PortfolioView, (next: PortfolioView) => void] {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseView(params), [params]);
  const setView = useCallback((next: PortfolioView) => setParams(viewToParams(next), { replace: true }), [setParams]);
  return [view, setView];
}
