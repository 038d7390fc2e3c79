// Response actions: staff propose, customer admins approve or reject with a comment; each says
// who proposed and who decided it, by name.

import { useId, useState, type FormEvent } from 'react';
import { Attribution } from '../components/Attribution';
import { RelativeTime } from '../components/RelativeTime';
import type { CaseQuery } from '../gql/graphql';
import { DecideActionMutation, ProposeActionMutation } from './documents';
import { ACTION_STATUS_LABELS } from './labels';
import type { CaseMutation } from './useCaseMutation';

type Action = NonNullable<CaseQuery['case']>['actions'][number];

function Decide({ action, mutation }: { action: Action; mutation: CaseMutation }) {
  const id = useId();
  const [comment, setComment] = useState('');
  const decide = (approve: boolean) =>
    void mutation.run(DecideActionMutation, { id: action.id, approve, comment: comment.trim() === '' ? null : comment.trim() });
  return (
    <div className="decide">
      <div className="field">
        <label htmlFor={id}>Decision comment</label>
        <input id={id} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <div className="actions">
        <button type="button" disabled={mutation.busy} onClick={() => decide(true)}>
          Approve
        </button>
        <button type="button" className="danger" disabled={mutation.busy} onClick={() => decide(false)}>
          Reject
        </button>
      </div>
    </div>
  );
}

interface Props {
  caseId: string;
  actions: readonly Action[];
  canPropose: boolean;
  canDecide: boolean;
  mutation: CaseMutation;
}

export function ActionsPanel({ caseId, actions, canPropose, canDecide, mutation }: Props) {
  const id = useId();
  const [description, setDescription] = useState('');
  const propose = (e: FormEvent) => {
    e.preventDefault();
    if (description.trim() === '') return;
    void mutation.run(ProposeActionMutation, { caseId, description: description.trim() }).then((ok) => ok && setDescription(''));
  };
  return (
    <section aria-labelledby="actions-title" className="panel">
      <h2 id="actions-title">Response actions</h2>
      {actions.length === 0 && <p className="muted">No actions proposed.</p>}
      <ul className="response-actions">
        {actions.map((a) => (
          <li key={a.id}>
            <p>
              <strong>{a.description}</strong> · <span className={`badge action-${a.status.toLowerCase()}`}>{ACTION_STATUS_LABELS[a.status]}</span> ·
              proposed by <Attribution id={a.proposedBy} name={a.proposedByName} inline /> <RelativeTime value={a.proposedAt} />
              {a.decidedAt !== null && a.decidedAt !== undefined && (
                <>
                  {' '}
                  · decided by <Attribution id={a.decidedBy} name={a.decidedByName} inline /> <RelativeTime value={a.decidedAt} />
                </>
              )}
            </p>
            {a.decisionComment !== null && a.decisionComment !== undefined && a.decisionComment !== '' && (
              <p className="muted">“{a.decisionComment}”</p>
            )}
            {canDecide && a.status === 'PROPOSED' && <Decide action={a} mutation={mutation} />}
          </li>
        ))}
      </ul>
      {canPropose && (
        <form onSubmit={propose} aria-label="Propose an action">
          <div className="field">
            <label htmlFor={id}>Proposed action</label>
            <textarea id={id} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
          </div>
          <button type="submit" disabled={mutation.busy || description.trim() === ''}>
            Propose action
          </button>
        </form>
      )}
    </section>
  );
}
