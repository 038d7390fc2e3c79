import { describe, expect, it, vi } from 'vitest';
import { httpTransport, SignInError } from './transport';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('httpTransport', () => {
  it('keeps the access token and lifetime, not the body\'s refresh token', async () => {
    const fetchFn = vi.fn<typeof fetch>(async () =>
      json({ access_token: 'a', refresh_token: 'r', token_type: 'Bearer', expires_in: 900 }),
    );
    const grant = await httpTransport(fetchFn).login('e@x.io', 'pw');
    expect(grant).toEqual({ accessToken: 'a', expiresInSecs: 900 });
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe('/auth/login');
    expect(init?.credentials).toBe('same-origin');
    expect(JSON.parse(String(init?.body))).toEqual({ email: 'e@x.io', password: 'pw' });
  });

  it('refreshes with an empty body, so the httpOnly cookie is what counts', async () => {
    const fetchFn = vi.fn<typeof fetch>(async () => json({ access_token: 'b', expires_in: 900 }));
    await httpTransport(fetchFn).refresh();
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe('/auth/refresh');
    expect(init?.body).toBeNull();
  });

  it('reads a refresh without a cookie (401) as "no session"', async () => {
    const transport = httpTransport(async () => json({ error: { code: 'unauthenticated' } }, 401));
    expect(await transport.refresh()).toBeNull();
  });

  it('says how long to wait when sign-in is throttled', async () => {
    const transport = httpTransport(async () => json({ error: { message: 'slow down' } }, 429, { 'retry-after': '42' }));
    const error = await transport.login('e', 'p').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).retryAfterSecs).toBe(42);
    expect((error as SignInError).message).toBe('Too many failed sign-ins. Try again in 42 seconds.');
  });

  it('never says whether the email exists', async () => {
    const transport = httpTransport(async () => json({ error: { message: 'invalid email or password' } }, 401));
    await expect(transport.login('e', 'p')).rejects.toThrow('Invalid email or password.');
  });
});
