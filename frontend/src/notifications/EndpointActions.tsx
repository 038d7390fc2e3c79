// One endpoint's controls: disable or enable it again (which also closes its circuit), send a
// test event, delete it after a confirmation. The outcome is said beside the controls.

import { useState } from 'react';
import { useMutation } from 'urql';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorBanner } from '../components/ErrorBanner';
import type { NotificationEndpointFieldsFragment } from '../gql/graphql';
import { problemsOf, type Problem } from '../graphql/problems';
import { DeleteNotificationEndpointMutation, TestNotificationEndpointMutation, UpdateNotificationEndpointMutation } from './documents';

const CONTEXT = { additionalTypenames: ['NotificationEndpoint'] };

export function EndpointActions({ endpoint, onDeleted }: { endpoint: NotificationEndpointFieldsFragment; onDeleted: () => void }) {
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [update, setEnabled] = useMutation(UpdateNotificationEndpointMutation);
  const [test, sendTest] = useMutation(TestNotificationEndpointMutation);
  const [del, remove] = useMutation(DeleteNotificationEndpointMutation);
  const busy = update.fetching || test.fetching || del.fetching;

  const run = async (action: () => Promise<{ error?: Parameters<typeof problemsOf>[0] | undefined }>, done: string) => {
    setProblems([]);
    setNotice(null);
    const result = await action();
    if (result.error !== undefined) setProblems(problemsOf(result.error));
    else setNotice(done);
  };

  return (
    <div className="endpoint-actions">
      <span className="actions">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(
              () => setEnabled({ id: endpoint.id, input: { enabled: !endpoint.enabled } }, CONTEXT),
              endpoint.enabled ? 'Disabled.' : 'Enabled.',
            )
          }
        >
          {endpoint.enabled ? `Disable` : `Enable`}
          <span className="visually-hidden"> {endpoint.name}</span>
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(
              () => sendTest({ id: endpoint.id }, CONTEXT),
              endpoint.tenantId === null ? 'Test sent.' : 'Test queued for delivery.',
            )
          }
        >
          Send test<span className="visually-hidden"> to {endpoint.name}</span>
        </button>
        <ConfirmButton
          label="Delete"
          confirmLabel={`Confirm deleting ${endpoint.name}`}
          warning="Deletes the endpoint and drops what it still had queued."
          busy={busy}
          onConfirm={() =>
            void (async () => {
              setProblems([]);
              const result = await remove({ id: endpoint.id }, CONTEXT);
              if (result.error !== undefined) setProblems(problemsOf(result.error));
              else onDeleted();
            })()
          }
        />
      </span>
      {notice !== null && (
        <span role="status" className="muted">
          {notice}
        </span>
      )}
      <ErrorBanner problems={problems} />
    </div>
  );
}
