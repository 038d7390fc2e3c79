// The people an alert or case of these tenants can be assigned to: one `users(tenantId)` call
// per tenant (urql's cache answers repeats), intersected by `assignableInAll`.

import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { problemsOf, type Problem } from '../graphql/problems';
import { UsersQuery } from '../users/documents';
import { assignableInAll, type AssignableUser } from './assignable';

export interface AssignableUsers {
  users: AssignableUser[];
  loading: boolean;
  problems: Problem[];
}

export function useAssignableUsers(tenantIds: readonly string[], enabled = true): AssignableUsers {
  const client = useClient();
  // One key for the set of tenants, so a new array with the same tenants does not refetch.
  const key = [...new Set(tenantIds)].sort().join(',');
  const [state, setState] = useState<{ key: string; result: AssignableUsers }>({
    key: '',
    result: { users: [], loading: false, problems: [] },
  });

  useEffect(() => {
    if (!enabled || key === '') return;
    let live = true;
    const ids = key.split(',');
    setState({ key, result: { users: [], loading: true, problems: [] } });
    void Promise.all(ids.map((tenantId) => client.query(UsersQuery, { tenantId }).toPromise())).then((results) => {
      if (!live) return;
      const problems = results.flatMap((r) => (r.error === undefined ? [] : problemsOf(r.error)));
      const lists = results.map((r) => r.data?.users ?? []);
      setState({ key, result: { users: problems.length > 0 ? [] : assignableInAll(lists), loading: false, problems } });
    });
    return () => {
      live = false;
    };
  }, [client, key, enabled]);

  if (!enabled || key === '') return { users: [], loading: false, problems: [] };
  return state.key === key ? state.result : { users: [], loading: true, problems: [] };
}
