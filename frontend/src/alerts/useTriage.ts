// Triage mutations over one or many alerts: acknowledge, assign and close each take every
// selected alert in one call, which the API applies all or none.

import { useCallback, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import type { AlertFieldsFragment, Disposition } from '../gql/graphql';
import { problemsOf, type Problem } from '../graphql/problems';
import { AcknowledgeAlertsMutation, AssignAlertsMutation, CloseAlertsMutation } from './documents';

export interface Triage {
  busy: boolean;
  problems: Problem[];
  acknowledge: (ids: readonly string[]) => Promise<boolean>;
  assign: (ids: readonly string[], userId: string | null) => Promise<boolean>;
  close: (ids: readonly string[], disposition: Disposition, comment: string) => Promise<boolean>;
}

export function useTriage(onUpdated: (alerts: readonly AlertFieldsFragment[]) => void): Triage {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);

  const run = useCallback(
    async (calls: Array<Promise<{ alerts: AlertFieldsFragment[]; error: CombinedError | undefined }>>) => {
      setBusy(true);
      setProblems([]);
      const results = await Promise.all(calls);
      setBusy(false);
      onUpdated(results.flatMap((r) => r.alerts));
      const failed = results.flatMap((r) => (r.error === undefined ? [] : problemsOf(r.error)));
      setProblems(failed);
      return failed.length === 0;
    },
    [onUpdated],
  );

  const acknowledge = useCallback(
    (ids: readonly string[]) =>
      run([
        (async () => {
          const r = await client.mutation(AcknowledgeAlertsMutation, { ids: [...ids] }).toPromise();
          return { alerts: r.data?.acknowledgeAlerts ?? [], error: r.error };
        })(),
      ]),
    [client, run],
  );

  const assign = useCallback(
    (ids: readonly string[], userId: string | null) =>
      run([
        (async () => {
          const r = await client.mutation(AssignAlertsMutation, { ids: [...ids], userId }).toPromise();
          return { alerts: r.data?.assignAlerts ?? [], error: r.error };
        })(),
      ]),
    [client, run],
  );

  const close = useCallback(
    (ids: readonly string[], disposition: Disposition, comment: string) =>
      run([
        (async () => {
          const r = await client
            .mutation(CloseAlertsMutation, { ids: [...ids], disposition, comment: comment === '' ? null : comment })
            .toPromise();
          return { alerts: r.data?.closeAlerts ?? [], error: r.error };
        })(),
      ]),
    [client, run],
  );

  return { busy, problems, acknowledge, assign, close };
}
