// Silent refresh on its timer, in a real browser: a server whose access tokens live four
// seconds, so the console must renew them (through the cookie, under the Web Lock) every two.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type Session } from './browser';
import { PROVIDER_ADMIN } from './env';
import { startGarrison, type RunningServer } from './server';

describe('silent refresh', () => {
  let server: RunningServer;
  let s: Session;

  beforeAll(async () => {
    server = await startGarrison('[auth]\naccess_ttl_secs = 4\n');
    s = await openBrowser(server.baseUrl);
  });
  afterAll(async () => {
    await s?.close();
    await server?.stop();
  });

  it('renews the access token before it expires, without the person noticing', async () => {
    const { page } = s;
    const refreshes: number[] = [];
    const bearers = new Set<string>();
    page.on('response', (r) => {
      if (r.url().endsWith('/auth/refresh')) refreshes.push(r.status());
    });
    page.on('request', (r) => {
      const auth = r.headers()['authorization'];
      if (r.url().endsWith('/graphql') && auth !== undefined) bearers.add(auth);
    });

    await signIn(page, PROVIDER_ADMIN);
    await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tenants' }).click();
    await page.getByText('Showing 3 of 3 tenants').waitFor();
    const afterSignIn = refreshes.length;
    await page.waitForTimeout(5_000);
    const renewed = refreshes.slice(afterSignIn);
    expect(renewed.length).toBeGreaterThanOrEqual(2);
    expect(renewed.every((status) => status === 200)).toBe(true);

    // Still signed in, and the API now sees a newer token than the one from sign-in.
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/users');
    // The queue always asks the server (the user list may come from the cache).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
    await page.getByText(/^\d+ of \d+ alerts$/).waitFor();
    expect(bearers.size).toBeGreaterThanOrEqual(2);
  });
});
