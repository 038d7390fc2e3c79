// Provider staff who are not admins: the analyst lands on the alert queue and reads the tenants
// they are assigned to, the account manager lands on the portfolio and reads every tenant;
// neither is shown admin controls. (The portfolio itself: account-manager.e2e.ts.)

import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, signIn, type Session } from './browser';

describe('provider staff', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;

  beforeEach(async () => {
    s = await openBrowser(baseUrl);
  });
  afterEach(async () => s.close());

  it('the analyst sees only the assigned tenants, read-only', async () => {
    const { page } = s;
    await signIn(page, 'analyst@garrison.local');
    await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assigned tenants' }).click();
    await page.getByRole('heading', { name: 'Assigned tenants', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/tenants');
    await page.getByText('Showing 2 of 2 tenants').waitFor();
    const slugs = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(slugs).toEqual(['acme', 'globex']);
    expect(await page.getByRole('button', { name: 'Create tenant' }).count()).toBe(0);
    const nav = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
    expect(nav).toEqual(['Alerts', 'Cases', 'Assigned tenants', 'Settings']);
    await screenshot(page, 'analyst-tenants');

    await page.getByRole('link', { name: 'Globex Industries' }).click();
    await page.getByRole('table', { name: 'Users of this tenant' }).getByText('admin@globex.example').waitFor();
    expect(await page.getByRole('button', { name: 'Suspend tenant' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await page.goto('/users');
    await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
  });

  it('the account manager lands on the portfolio and reads every tenant in the tenant list', async () => {
    const { page } = s;
    await signIn(page, 'accounts@garrison.local');
    await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/portfolio');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tenants' }).click();
    await page.getByRole('heading', { name: 'Tenants', level: 1 }).waitFor();
    await page.getByText(/Showing \d+ of \d+ tenants/).waitFor();
    const slugs = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(slugs).toEqual(expect.arrayContaining(['acme', 'globex', 'initech']));
    expect(await page.getByRole('button', { name: 'Create tenant' }).count()).toBe(0);
    await screenshot(page, 'account-manager-tenants');
  });
});
