// The fetch that the GraphQL client uses: adds the bearer token and, when the API answers 401
// (the token expired while the tab slept, or a key rotated), refreshes once and retries.

import type { TokenManager } from './tokenManager';

function withBearer(init: RequestInit | undefined, token: string | null): RequestInit {
  const headers = new Headers(init?.headers);
  if (token !== null) headers.set('authorization', `Bearer ${token}`);
  return { ...init, headers, credentials: 'same-origin' };
}

export function authFetch(tokens: TokenManager, fetchFn: typeof fetch = (...a) => fetch(...a)): typeof fetch {
  return async (input, init) => {
    const first = await fetchFn(input, withBearer(init, tokens.accessToken()));
    if (first.status !== 401) return first;
    const renewed = await tokens.refresh();
    if (renewed === null) return first;
    return fetchFn(input, withBearer(init, renewed));
  };
}
