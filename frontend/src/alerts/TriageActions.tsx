// Acknowledge, assign (to oneself, or to a colleague who works every tenant of the alerts),
// and close (with a disposition) for the given alerts: the queue's bulk bar and the detail
// page's buttons. Only rendered for roles that may triage.

import { useRef, useState } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import type { AlertFieldsFragment } from '../gql/graphql';
import { splitByField } from '../graphql/problems';
import { EscalateButton } from '../cases/EscalateButton';
import { AssigneePicker } from './AssigneePicker';
import { CloseDialog } from './CloseDialog';
import { useAssignableUsers } from './useAssignableUsers';
import { useTriage } from './useTriage';

interface Props {
  alerts: readonly AlertFieldsFragment[];
  viewerId: string;
  /** "selected" in the queue, empty on the detail page. */
  noun?: string;
  onUpdated: (alerts: readonly AlertFieldsFragment[]) => void;
  /** After a successful action (the queue clears its selection). */
  onDone?: () => void;
}

export function TriageActions({ alerts, viewerId, noun = '', onUpdated, onDone }: Props) {
  const triage = useTriage(onUpdated);
  const [closing, setClosing] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);
  // Focus goes back to where the dialog was opened from.
  const endClosing = () => {
    setClosing(false);
    closeButton.current?.focus();
  };
  const open = alerts.filter((a) => a.status !== 'CLOSED');
  const unacknowledged = open.filter((a) => a.status === 'NEW');
  const notMine = open.filter((a) => a.assigneeId !== viewerId);
  const ids = (list: readonly AlertFieldsFragment[]) => list.map((a) => a.id);
  const suffix = noun === '' ? '' : ` ${noun}`;
  const after = (ok: boolean) => {
    if (ok) onDone?.();
  };
  const { byField, general } = splitByField(triage.problems, ['comment']);
  const assignable = useAssignableUsers(open.map((a) => a.tenant.id));
  const single = noun === '' && open.length === 1 ? open[0] : undefined;

  return (
    <div className="triage">
      <div className="actions" role="group" aria-label="Triage">
        <button
          type="button"
          disabled={triage.busy || unacknowledged.length === 0}
          onClick={() => void triage.acknowledge(ids(unacknowledged)).then(after)}
        >
          Acknowledge{suffix}
        </button>
        <button
          type="button"
          disabled={triage.busy || notMine.length === 0}
          onClick={() => void triage.assign(ids(notMine), viewerId).then(after)}
        >
          Assign to me{suffix === '' ? '' : ` (${notMine.length})`}
        </button>
        <button
          ref={closeButton}
          type="button"
          className="danger"
          disabled={triage.busy || open.length === 0}
          onClick={() => setClosing(true)}
        >
          Close{suffix}…
        </button>
        {alerts.length > 0 && <EscalateButton alerts={alerts} suffix={suffix} />}
      </div>
      <AssigneePicker
        label={suffix === '' ? 'Assign to' : `Assign${suffix} to`}
        suffix={suffix}
        users={assignable.users}
        current={single === undefined ? undefined : single.assigneeId}
        viewerId={viewerId}
        busy={triage.busy}
        loading={assignable.loading}
        problems={assignable.problems}
        disabled={open.length === 0}
        onAssign={(userId) =>
          triage.assign(ids(open), userId).then((ok) => {
            after(ok);
            return ok;
          })
        }
      />
      <ErrorBanner problems={closing ? general : triage.problems} />
      {closing && (
        <CloseDialog
          count={open.length}
          busy={triage.busy}
          commentError={byField.comment}
          onCancel={endClosing}
          onClose={(disposition, comment) =>
            void triage.close(ids(open), disposition, comment).then((ok) => {
              if (ok) endClosing();
              after(ok);
            })
          }
        />
      )}
    </div>
  );
}
