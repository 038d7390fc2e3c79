import { describe, expect, it, vi } from 'vitest';
import { authFetch } from './authFetch';
import { TokenManager } from './tokenManager';
import type { AuthTransport } from './transport';

function managerWith(refreshed: string | null): TokenManager {
  const transport: AuthTransport = {
    login: async () => ({ accessToken: 'old', expiresInSecs: 900 }),
    refresh: async () => (refreshed === null ? null : { accessToken: refreshed, expiresInSecs: 900 }),
    logout: async () => undefined,
  };
  return new TokenManager(transport, (task) => task());
}

const bearerOf = (init: RequestInit | undefined) => new Headers(init?.headers).get('authorization');

describe('authFetch', () => {
  it('sends the access token as a bearer token', async () => {
    const tokens = managerWith('new');
    await tokens.signIn('a', 'b');
    const inner = vi.fn<typeof fetch>(async () => new Response('{}', { status: 200 }));
    await authFetch(tokens, inner)('/graphql', { method: 'POST' });
    expect(bearerOf(inner.mock.calls[0]?.[1])).toBe('Bearer old');
  });

  it('refreshes once on 401 and retries with the new token', async () => {
    const tokens = managerWith('new');
    await tokens.signIn('a', 'b');
    const inner = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(new Response('', { status: 401 }))
      .mockResolvedValueOnce(new Response('{}', { status: 200 }));
    const response = await authFetch(tokens, inner)('/graphql', { method: 'POST' });
    expect(response.status).toBe(200);
    expect(inner).toHaveBeenCalledTimes(2);
    expect(bearerOf(inner.mock.calls[1]?.[1])).toBe('Bearer new');
  });

  it('gives up and signs out when the refresh fails too', async () => {
    const tokens = managerWith(null);
    await tokens.signIn('a', 'b');
    const inner = vi.fn<typeof fetch>(async () => new Response('', { status: 401 }));
    const response = await authFetch(tokens, inner)('/graphql', { method: 'POST' });
    expect(response.status).toBe(401);
    expect(inner).toHaveBeenCalledTimes(1);
    expect(tokens.sessionState()).toBe('signedOut');
  });
});
