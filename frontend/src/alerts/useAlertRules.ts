// The rules that raised alerts in scope (for the queue's rule filter), by title.

import { useMemo } from 'react';
import { useQuery } from 'urql';
import { AlertRulesQuery } from './documents';

export function useAlertRules(): Array<{ id: string; title: string }> {
  const [{ data }] = useQuery({ query: AlertRulesQuery, variables: {} });
  return useMemo(() => {
    const byId = new Map<string, string>();
    for (const s of data?.ruleTriageStats ?? []) byId.set(s.ruleId, s.ruleTitle);
    return [...byId].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title));
  }, [data]);
}
