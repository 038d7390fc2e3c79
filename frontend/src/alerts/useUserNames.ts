// Names for assignee ids: the users the caller may list (staff see their colleagues). An id
// the caller cannot resolve is still shown as assigned.

import { useMemo } from 'react';
import { useQuery } from 'urql';
import { UsersQuery } from '../users/documents';

export function useUserNames(enabled: boolean): ReadonlyMap<string, string> {
  const [{ data }] = useQuery({ query: UsersQuery, variables: {}, pause: !enabled });
  return useMemo(() => new Map((data?.users ?? []).map((u) => [u.id, u.displayName || u.email])), [data]);
}
