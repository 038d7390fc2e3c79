// "Merge other cases…" on a case page: opens the merge dialog over the tenant's open cases, calls
// mergeCases with this case as the target, and tells the page which cases it took in. The page
// shows it only to roles that may merge (canMergeCases) and only on a case that can take merges.

import { useRef, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { problemsOf, type Problem } from '../graphql/problems';
import { MergeCandidatesQuery, MergeCasesMutation } from './documents';
import type { MergeCase } from './merge';
import { MergeDialog } from './MergeDialog';

interface Props {
  target: Pick<MergeCase, 'id' | 'number' | 'tenantId'>;
  onMerged: (sources: MergeCase[]) => void;
}

export function MergeCasesControl({ target, onMerged }: Props) {
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const button = useRef<HTMLButtonElement>(null);
  const end = () => {
    setOpen(false);
    setProblems([]);
    button.current?.focus();
  };
  const merge = (sources: MergeCase[]) => {
    setBusy(true);
    setProblems([]);
    void client
      .mutation(MergeCasesMutation, { targetId: target.id, sourceIds: sources.map((s) => s.id) })
      .toPromise()
      .then((r) => {
        setBusy(false);
        if (r.error !== undefined) setProblems(problemsOf(r.error));
        else {
          end();
          onMerged(sources);
        }
      });
  };
  return (
    <>
      <button ref={button} type="button" onClick={() => setOpen(true)}>
        Merge other cases…
      </button>
      {open && <MergeDialogWithCases target={target} busy={busy} problems={problems} onMerge={merge} onCancel={end} />}
    </>
  );
}

/** The dialog with the tenant's open cases, fetched afresh each time it opens. */
function MergeDialogWithCases(props: Omit<Parameters<typeof MergeDialog>[0], 'cases'>) {
  const [{ data, error }] = useQuery({
    query: MergeCandidatesQuery,
    variables: { tenantId: props.target.tenantId },
    requestPolicy: 'network-only',
  });
  const cases = data === undefined ? null : data.cases.edges.map((e) => e.node);
  const loadError = error === undefined ? null : problemsOf(error).map((p) => p.message).join('; ');
  return <MergeDialog {...props} cases={cases} loadError={loadError} />;
}
