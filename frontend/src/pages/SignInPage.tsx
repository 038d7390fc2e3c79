// Sign-in. After success the visitor goes where they were headed (`?next=`), else home.

import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useSession } from '../auth/SessionContext';
import { SignInError } from '../auth/transport';
import { TextField } from '../components/Field';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/** Only same-app paths: an open redirect through `next` would be a phishing aid. */
export function safeNext(raw: string | null): string {
  if (raw === null || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/sign-in')) return '/';
  return raw;
}

const NOTICES: Record<string, string> = {
  'password-changed': 'Your password was changed and every session ended. Sign in with the new password.',
  'signed-out': 'You have signed out.',
};

export function SignInPage() {
  const { state, signIn } = useSession();
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (state === 'signedIn') return <Navigate to={safeNext(params.get('next'))} replace />;

  const notice = NOTICES[params.get('notice') ?? ''];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (e) {
      setError(e instanceof SignInError ? e.message : 'The server could not be reached. Try again.');
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form onSubmit={(e) => void onSubmit(e)} aria-labelledby="sign-in-title" noValidate>
        <h1 id="sign-in-title">Sign in to Garrison</h1>
        {notice !== undefined && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          autoFocus
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error !== null && (
          <p className="error-banner" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || state === 'unknown'}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
