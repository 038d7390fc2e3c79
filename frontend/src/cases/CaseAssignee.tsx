// Who works the case; staff take it or hand it back.

import { Assignee } from '../alerts/Assignee';
import { AssignCaseMutation } from './documents';
import type { CaseMutation } from './useCaseMutation';

interface Props {
  caseId: string;
  assigneeId: string | null;
  viewerId: string;
  names: ReadonlyMap<string, string>;
  canAssign: boolean;
  mutation: CaseMutation;
}

export function CaseAssignee({ caseId, assigneeId, viewerId, names, canAssign, mutation }: Props) {
  return (
    <>
      <Assignee id={assigneeId} viewerId={viewerId} names={names} />{' '}
      {canAssign && assigneeId !== viewerId && (
        <button type="button" disabled={mutation.busy} onClick={() => void mutation.run(AssignCaseMutation, { id: caseId, userId: viewerId })}>
          Assign to me
        </button>
      )}
      {canAssign && assigneeId !== null && (
        <button type="button" disabled={mutation.busy} onClick={() => void mutation.run(AssignCaseMutation, { id: caseId, userId: null })}>
          Unassign
        </button>
      )}
    </>
  );
}
