// The session for the whole app: one TokenManager, its state as React state, and a GraphQL
// client that is created anew for each signed-in session so no cached data outlives a sign-out.

import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider as UrqlProvider, type Client } from 'urql';
import { createGraphqlClient } from '../graphql/client';
import { authFetch } from './authFetch';
import { TokenManager, type SessionState } from './tokenManager';
import { httpTransport } from './transport';

/** Why the person chose to end the session; shown on the sign-in page that follows. */
export type SignOutReason = 'signed-out' | 'password-changed';

interface Session {
  state: SessionState;
  /** Set when the person ended the session; null when it ended by itself (expiry, revocation). */
  signOutReason: SignOutReason | null;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: (reason: SignOutReason) => Promise<void>;
  /** fetch with the bearer token (refreshing once on 401), for downloads outside GraphQL. */
  fetch: typeof fetch;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside <SessionProvider>');
  return session;
}

export function SessionProvider({
  children,
  manager,
}: {
  children: ReactNode;
  /** Injected by tests; the app builds one over HTTP. */
  manager?: TokenManager;
}) {
  const [tokens] = useState(() => manager ?? new TokenManager(httpTransport()));
  const [state, setState] = useState<SessionState>(tokens.sessionState());
  // A new client per session: bumped when a signed-out app signs in again.
  const [sessionNumber, setSessionNumber] = useState(0);
  const [signOutReason, setSignOutReason] = useState<SignOutReason | null>(null);

  useEffect(() => {
    let previous = tokens.sessionState();
    const unsubscribe = tokens.subscribe((next) => {
      if (next === 'signedIn' && previous !== 'signedIn') setSessionNumber((n) => n + 1);
      previous = next;
      setState(next);
    });
    if (tokens.sessionState() === 'unknown') void tokens.restore();
    return unsubscribe;
  }, [tokens]);

  const client: Client = useMemo(
    () => createGraphqlClient(tokens),
    // sessionNumber is listed on purpose: a fresh client (and cache) per signed-in session.
    [tokens, sessionNumber],
  );

  const session = useMemo<Session>(
    () => ({
      state,
      signOutReason,
      signIn: (email, password) => {
        setSignOutReason(null);
        return tokens.signIn(email, password);
      },
      signOut: (reason) => {
        // Recorded before the state flips, so the redirect to sign-in can carry it.
        setSignOutReason(reason);
        // The session ends locally even when the server cannot be told (it may be gone already).
        return tokens.signOut().catch(() => undefined);
      },
      fetch: authFetch(tokens),
    }),
    [state, signOutReason, tokens],
  );

  return (
    <SessionContext.Provider value={session}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </SessionContext.Provider>
  );
}
