// A report page's month from `?month=YYYY-MM` (this month when absent or invalid), and a setter
// that keeps the rest of the query string.

import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { parseMonth, thisMonth } from './month';

export function useReportMonth(): [string, (month: string) => void] {
  const [params, setParams] = useSearchParams();
  const month = parseMonth(params.get('month')) ?? thisMonth();
  const setMonth = useCallback(
    (next: string) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          updated.set('month', next);
          return updated;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [month, setMonth];
}
