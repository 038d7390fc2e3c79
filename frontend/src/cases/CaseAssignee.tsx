// Who works the case; staff take it, or hand it to a colleague who works the tenant (or back to
// nobody) with the assignee picker.

import { Assignee } from '../alerts/Assignee';
import { AssigneePicker } from '../alerts/AssigneePicker';
import { useAssignableUsers } from '../alerts/useAssignableUsers';
import { AssignCaseMutation } from './documents';
import type { CaseMutation } from './useCaseMutation';

interface Props {
  caseId: string;
  tenantId: string;
  assigneeId: string | null;
  viewerId: string;
  names: ReadonlyMap<string, string>;
  canAssign: boolean;
  mutation: CaseMutation;
}

export function CaseAssignee({ caseId, tenantId, assigneeId, viewerId, names, canAssign, mutation }: Props) {
  const assignable = useAssignableUsers([tenantId], canAssign);
  return (
    <div className="case-assignee">
      <span>
        <Assignee id={assigneeId} viewerId={viewerId} names={names} />
      </span>
      {canAssign && assigneeId !== viewerId && (
        <button type="button" disabled={mutation.busy} onClick={() => void mutation.run(AssignCaseMutation, { id: caseId, userId: viewerId })}>
          Assign to me
        </button>
      )}
      {canAssign && (
        <AssigneePicker
          label="Assign to"
          users={assignable.users}
          current={assigneeId}
          viewerId={viewerId}
          busy={mutation.busy}
          loading={assignable.loading}
          problems={assignable.problems}
          onAssign={(userId) => mutation.run(AssignCaseMutation, { id: caseId, userId })}
        />
      )}
    </div>
  );
}
