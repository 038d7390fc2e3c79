// Runs one case mutation: busy while it runs, the API's problems after, and `onDone` (the case
// page refetches) when it worked.

import { useCallback, useState } from 'react';
import { useClient, type AnyVariables, type TypedDocumentNode } from 'urql';
import { problemsOf, type Problem } from '../graphql/problems';

export interface CaseMutation {
  busy: boolean;
  problems: Problem[];
  run: <D, V extends AnyVariables>(doc: TypedDocumentNode<D, V>, variables: V) => Promise<boolean>;
}

export function useCaseMutation(onDone: () => void): CaseMutation {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const run = useCallback(
    async <D, V extends AnyVariables>(doc: TypedDocumentNode<D, V>, variables: V) => {
      setBusy(true);
      setProblems([]);
      const r = await client.mutation(doc, variables).toPromise();
      setBusy(false);
      if (r.error !== undefined) {
        setProblems(problemsOf(r.error));
        return false;
      }
      onDone();
      return true;
    },
    [client, onDone],
  );
  return { busy, problems, run };
}
