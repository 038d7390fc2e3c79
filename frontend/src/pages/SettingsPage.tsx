// The signed-in person's account: who they are, and changing their password. Changing it ends
// every session (the server revokes them), so the console signs out and asks for the new one.

import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ROLE_LABELS } from '../auth/permissions';
import { useSession } from '../auth/SessionContext';
import { useViewer } from '../auth/ViewerContext';
import { ErrorBanner } from '../components/ErrorBanner';
import { TextField } from '../components/Field';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { ChangePasswordMutation } from '../users/documents';
import { useDocumentTitle } from '../lib/useDocumentTitle';

const FIELDS = ['current', 'new', 'confirm'] as const;

export function SettingsPage() {
  const viewer = useViewer();
  useDocumentTitle('Settings');
  const { signOut } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, changePassword] = useMutation(ChangePasswordMutation);
  const { byField, general } = splitByField(problems, FIELDS);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== confirm) {
      setProblems([{ code: 'INVALID_INPUT', field: 'confirm', message: 'does not match the new password' }]);
      return;
    }
    const result = await changePassword({ current, new: next });
    if (result.error !== undefined) {
      setProblems(problemsOf(result.error));
      return;
    }
    // The server already ended every session; this clears the in-memory token too.
    await signOut('password-changed');
  };

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <dl className="facts">
        <dt>Email</dt>
        <dd>{viewer.email}</dd>
        <dt>Name</dt>
        <dd>{viewer.displayName}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[viewer.role]}</dd>
      </dl>
      <form className="panel narrow" aria-labelledby="password-title" onSubmit={(e) => void onSubmit(e)} noValidate>
        <h2 id="password-title">Change password</h2>
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          error={byField.current}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 12 characters. Every session, including this one, ends when it changes."
          value={next}
          error={byField.new}
          onChange={(e) => setNext(e.target.value)}
        />
        <TextField
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          error={byField.confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
        <ErrorBanner problems={general} />
        <button type="submit" disabled={fetching}>
          {fetching ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
