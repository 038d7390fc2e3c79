// The session across reloads: the access token is only in memory, so a reload restores it
// through the httpOnly refresh cookie; sign-out ends it for good.

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, type Session } from './browser';
import { PROVIDER_ADMIN } from './env';

describe('session', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;

  beforeAll(async () => {
    s = await openBrowser(baseUrl);
  });
  afterAll(async () => s.close());

  it('sends a signed-out visitor to sign-in, and says why a sign-in failed', async () => {
    const { page } = s;
    await page.goto('/tenants?q=acme');
    await page.waitForURL('**/sign-in?next=*');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/tenants?q=acme');
    await page.getByLabel('Email').fill(PROVIDER_ADMIN);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Invalid email or password.' }).waitFor();
    await screenshot(page, 'sign-in-error');
  });

  it('signs in with the keyboard alone, to where the visitor was headed, keeping no token in web storage', async () => {
    const { page } = s;
    await page.goto(page.url());
    // The email field has focus on arrival; Tab reaches the password, Enter submits.
    await page.locator('#root form').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email');
    await page.keyboard.type(PROVIDER_ADMIN);
    await page.keyboard.press('Tab');
    await page.keyboard.type('garrison-demo-2026');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/tenants?q=acme');
    await page.getByText(/Showing 1 of \d+ tenants/).waitFor();
    const stored = await page.evaluate(() => localStorage.length + sessionStorage.length);
    expect(stored).toBe(0);
    const cookies = await s.context.cookies();
    const refresh = cookies.find((c) => c.name === 'garrison_refresh');
    expect(refresh?.httpOnly).toBe(true);
    expect(refresh?.sameSite).toBe('Strict');
    expect(await page.evaluate(() => document.cookie)).not.toContain('garrison_refresh');
  });

  it('restores the session silently after a reload, through the refresh cookie', async () => {
    const { page } = s;
    const refreshes: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/auth/refresh')) refreshes.push(r.status());
    });
    await page.reload();
    await page.getByText(/Showing 1 of \d+ tenants/).waitFor();
    expect(new URL(page.url()).pathname).toBe('/tenants');
    expect(refreshes).toEqual([200]);
  });

  it('signs out back to the sign-in page, and a reload stays signed out', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in?notice=signed-out');
    await page.getByRole('heading', { name: 'Sign in to Garrison' }).waitFor();
    await screenshot(page, 'signed-out');
    await page.goto('/tenants');
    await page.waitForURL('**/sign-in?next=*');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
  });
});
