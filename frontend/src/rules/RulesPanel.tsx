// A tenant's rules in their effective state, filtered and shown 50 more at a time, with each
// rule's override and exceptions.

import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { problemsOf } from '../graphql/problems';
import { RuleExceptionsQuery, RulesQuery } from './documents';
import { DEFAULT_RULE_FILTERS, RuleFilterBar, type RuleListFilters } from './RuleFilterBar';
import type { RuleExceptionItem } from './RuleExceptions';
import { RuleRow } from './RuleRow';

const STEP = 50;
/** The API's largest `first` for rules. */
const MAX_SHOWN = 1000;

interface Props {
  tenantId: string;
  canTune: boolean;
  /** Packs the tenant runs (null while unknown). */
  enabledPackIds: ReadonlySet<string> | null;
  /** Bumped when something outside the list (a pack switched) changed the rules' state. */
  revision: number;
}

export function RulesPanel({ tenantId, canTune, enabledPackIds, revision }: Props) {
  const [filters, setFilters] = useState<RuleListFilters>(DEFAULT_RULE_FILTERS);
  const [shown, setShown] = useState(STEP);
  const variables = useMemo(
    () => ({
      first: shown,
      filter: {
        tenantId,
        ...(filters.search === '' ? {} : { search: filters.search }),
        ...(filters.level === '' ? {} : { level: filters.level }),
        ...(filters.enabled === 'any' ? {} : { enabled: filters.enabled === 'on' }),
      },
    }),
    [tenantId, filters, shown],
  );
  const [{ data, error, fetching }, refetch] = useQuery({ query: RulesQuery, variables, requestPolicy: 'cache-and-network' });
  useEffect(() => {
    if (revision > 0) refetch({ requestPolicy: 'network-only' });
  }, [revision, refetch]);
  const [exceptions, refetchExceptions] = useQuery({ query: RuleExceptionsQuery, variables: { tenantId } });
  const byRule = useMemo(() => {
    const map = new Map<string, RuleExceptionItem[]>();
    for (const e of exceptions.data?.ruleExceptions ?? []) map.set(e.ruleId, [...(map.get(e.ruleId) ?? []), e]);
    return map;
  }, [exceptions.data]);
  const onChanged = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchExceptions({ requestPolicy: 'network-only' });
  };
  const rules = data?.rules.nodes ?? [];
  const total = data?.rules.totalCount ?? null;

  return (
    <section className="panel" aria-labelledby="tenant-rules-title">
      <h2 id="tenant-rules-title">Rules</h2>
      <RuleFilterBar
        filters={filters}
        onChange={(next) => {
          setFilters(next);
          setShown(STEP);
        }}
      />
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      <p className="count" aria-live="polite">
        {total === null ? 'Loading rules…' : `Showing ${rules.length} of ${total} rules`}
      </p>
      <table className="rules">
        <caption className="visually-hidden">Rules and their state for this tenant</caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Pack</th>
            <th scope="col">Running</th>
            <th scope="col">Severity</th>
            <th scope="col">Exceptions</th>
          </tr>
        </thead>
        <tbody>
          {total !== null && rules.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                No rules match.
              </td>
            </tr>
          )}
          {rules.map((r) => (
            <RuleRow
              key={r.id}
              tenantId={tenantId}
              rule={r}
              exceptions={byRule.get(r.id) ?? []}
              packRuns={enabledPackIds === null || enabledPackIds.has(r.packId)}
              canTune={canTune}
              onChanged={onChanged}
            />
          ))}
        </tbody>
      </table>
      {total !== null && rules.length < total && shown < MAX_SHOWN && (
        <button type="button" disabled={fetching} onClick={() => setShown(Math.min(shown + STEP, MAX_SHOWN))}>
          {fetching ? 'Loading…' : 'Show more rules'}
        </button>
      )}
    </section>
  );
}
