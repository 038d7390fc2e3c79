// Suspend or reactivate a tenant (provider admins). Suspending locks the tenant's users out,
// so it takes a second, explicit confirmation.

import { useState } from 'react';
import { useMutation } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import type { TenantFieldsFragment } from '../gql/graphql';
import { problemsOf, type Problem } from '../graphql/problems';
import { ActivateTenantMutation, SuspendTenantMutation } from './documents';

export function TenantStatusControl({ tenant }: { tenant: TenantFieldsFragment }) {
  const [confirming, setConfirming] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [suspendState, suspend] = useMutation(SuspendTenantMutation);
  const [activateState, activate] = useMutation(ActivateTenantMutation);
  const busy = suspendState.fetching || activateState.fetching;

  const run = async (action: 'suspend' | 'activate') => {
    const result = action === 'suspend' ? await suspend({ id: tenant.id }) : await activate({ id: tenant.id });
    setConfirming(false);
    setProblems(result.error === undefined ? [] : problemsOf(result.error));
  };

  if (tenant.status === 'SUSPENDED') {
    return (
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void run('activate')}>
          Reactivate tenant
        </button>
        <ErrorBanner problems={problems} />
      </div>
    );
  }
  return (
    <div className="actions">
      {confirming ? (
        <>
          <span id="suspend-warning">Its users will be unable to sign in until it is reactivated.</span>
          <button type="button" className="danger" disabled={busy} aria-describedby="suspend-warning" onClick={() => void run('suspend')}>
            Confirm suspension
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Suspend tenant
        </button>
      )}
      <ErrorBanner problems={problems} />
    </div>
  );
}
