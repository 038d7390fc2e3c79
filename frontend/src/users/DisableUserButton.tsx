// Disable a user (ends their sessions at once); asks for confirmation first.

import { useState } from 'react';
import { useMutation } from 'urql';
import type { UserFieldsFragment } from '../gql/graphql';
import { problemsOf } from '../graphql/problems';
import { DisableUserMutation } from './documents';

export function DisableUserButton({ user, onDone }: { user: UserFieldsFragment; onDone: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [{ fetching }, disable] = useMutation(DisableUserMutation);

  const run = async () => {
    const result = await disable({ id: user.id });
    setConfirming(false);
    if (result.error !== undefined) {
      setMessage(problemsOf(result.error).map((p) => p.message).join('; '));
      return;
    }
    onDone();
  };

  if (!confirming) {
    return (
      <>
        <button type="button" className="danger" aria-label={`Disable ${user.email}`} onClick={() => setConfirming(true)}>
          Disable
        </button>
        {message !== null && (
          <span className="field-error" role="alert">
            {message}
          </span>
        )}
      </>
    );
  }
  return (
    <>
      <button type="button" className="danger" disabled={fetching} aria-label={`Confirm disabling ${user.email}`} onClick={() => void run()}>
        Confirm disable
      </button>
      <button type="button" aria-label={`Keep ${user.email} enabled`} onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </>
  );
}
