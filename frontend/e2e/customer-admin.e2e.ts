// A customer admin of acme: only acme exists for them (globex's URL is "not found"), and they
// manage their own organization's users and notification endpoints.

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessToken, tenantIdBySlug } from './api';
import { openBrowser, screenshot, signIn, type Session } from './browser';
import { ACME_ADMIN, PROVIDER_ADMIN } from './env';

describe('customer admin of acme', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;
  let acmeId = '';
  let globexId = '';

  beforeAll(async () => {
    const token = await accessToken(baseUrl, PROVIDER_ADMIN);
    acmeId = await tenantIdBySlug(baseUrl, token, 'acme');
    globexId = await tenantIdBySlug(baseUrl, token, 'globex');
    s = await openBrowser(baseUrl);
    await signIn(s.page, ACME_ADMIN);
  });
  afterAll(async () => s.close());

  it('lands on acme\'s own page, with no tenant list in the navigation', async () => {
    const { page } = s;
    await page.waitForURL(`**/tenants/${acmeId}`);
    await page.getByRole('heading', { name: /Acme/, level: 1 }).waitFor();
    const nav = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
    expect(nav).toEqual(['Our organization', 'Alerts', 'Cases', 'Notifications', 'Users', 'Settings']);
    expect(await page.getByRole('button', { name: 'Suspend tenant' }).count()).toBe(0);
    await page.getByRole('table', { name: 'Users of this tenant' }).getByText(ACME_ADMIN).waitFor();
    await screenshot(page, 'customer-admin-home');
  });

  it('is sent home from the tenant list, and finds globex "not found"', async () => {
    const { page } = s;
    await page.goto('/tenants');
    await page.waitForURL(`**/tenants/${acmeId}`);
    await page.goto(`/tenants/${globexId}`);
    await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
    expect(await page.getByText(/globex/i).count()).toBe(0);
    await screenshot(page, 'customer-admin-other-tenant-not-found');
    await page.goto(`/tenants/${globexId}/audit`);
    await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
  });

  it('reads acme\'s audit log', async () => {
    const { page } = s;
    await page.goto(`/tenants/${acmeId}/audit`);
    await page.getByRole('table', { name: 'Audit log, newest first' }).waitFor();
    const count = page.getByText(/^\d+ of \d+ entries$/);
    await count.waitFor();
    const total = Number((await count.textContent())?.split(' of ')[1]?.split(' ')[0]);
    // The demo's triage fills acme's log; its creation is the oldest entry.
    let loaded = Math.min(total, 25);
    await page.getByText(`${loaded} of ${total} entries`).waitFor();
    while (loaded < total) {
      await page.getByRole('button', { name: 'Load older entries' }).click();
      loaded = Math.min(total, loaded + 25);
      await page.getByText(`${loaded} of ${total} entries`).waitFor();
    }
    expect(await page.getByRole('cell', { name: 'tenant.create' }).count()).toBe(1);
  });

  it('creates a viewer of acme, after fixing a too-short password', async () => {
    const { page } = s;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    const roles = await page.getByLabel('Role').locator('option').allTextContents();
    expect(roles).toEqual(['Customer admin', 'Customer viewer']);
    expect(await page.getByLabel('Tenant').count()).toBe(0);

    await page.getByLabel('Email').fill('viewer@acme.example');
    await page.getByLabel('Display name').fill('Acme Viewer');
    await page.getByLabel('Initial password').fill('short');
    await page.getByLabel('Role').selectOption('CUSTOMER_VIEWER');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.locator('.field-error', { hasText: 'Initial password:' }).waitFor();

    await page.getByLabel('Initial password').fill('viewer-password-2026');
    await page.getByRole('button', { name: 'Create user' }).click();
    const row = page.locator('tbody tr', { hasText: 'viewer@acme.example' });
    await row.waitFor();
    expect(await row.locator('td:nth-child(3)').textContent()).toBe('Customer viewer');
    // Only acme's people are listed.
    expect(await page.getByText('admin@globex.example').count()).toBe(0);
    await screenshot(page, 'customer-admin-users');
  });

  it('the new viewer signs in to a read-only page of acme', async () => {
    const viewer = await openBrowser(baseUrl);
    try {
      await signIn(viewer.page, 'viewer@acme.example', 'viewer-password-2026');
      await viewer.page.waitForURL(`**/tenants/${acmeId}`);
      await viewer.page.getByRole('heading', { name: /Acme/, level: 1 }).waitFor();
      const nav = await viewer.page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
      expect(nav).toEqual(['Our organization', 'Alerts', 'Cases', 'Settings']);
      expect(await viewer.page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
      // Ingest health, but not the users.
      await viewer.page.getByRole('table', { name: 'Events by source, last 24 hours' }).waitFor();
      expect(await viewer.page.getByRole('table', { name: 'Users of this tenant' }).count()).toBe(0);
      await screenshot(viewer.page, 'customer-viewer-home');

      // Changing the password ends every session, so the console asks for the new one.
      await viewer.page.getByRole('link', { name: 'Settings' }).click();
      await viewer.page.getByLabel('Current password').fill('viewer-password-2026');
      await viewer.page.getByLabel('New password', { exact: true }).fill('viewer-password-2027');
      await viewer.page.getByLabel('Confirm new password').fill('viewer-password-2027');
      await viewer.page.getByRole('button', { name: 'Change password' }).click();
      await viewer.page.waitForURL('**/sign-in?notice=password-changed');
      await viewer.page.getByRole('status').filter({ hasText: 'Your password was changed' }).waitFor();
      await signIn(viewer.page, 'viewer@acme.example', 'viewer-password-2027');
      await viewer.page.getByRole('heading', { name: /Acme/, level: 1 }).waitFor();
    } finally {
      await viewer.close();
    }
  });

  it('disables the viewer, who then cannot sign in', async () => {
    const { page } = s;
    await page.goto('/users');
    const row = page.locator('tbody tr', { hasText: 'viewer@acme.example' });
    await row.waitFor();
    // No disable button for oneself.
    expect(await page.getByRole('button', { name: `Disable ${ACME_ADMIN}` }).count()).toBe(0);
    await page.getByRole('button', { name: 'Disable viewer@acme.example' }).click();
    await page.getByRole('button', { name: 'Confirm disabling viewer@acme.example' }).click();
    await row.getByText('Disabled').waitFor();

    const viewer = await openBrowser(baseUrl);
    try {
      await signIn(viewer.page, 'viewer@acme.example', 'viewer-password-2027');
      await viewer.page.getByRole('alert').filter({ hasText: 'Invalid email or password.' }).waitFor();
    } finally {
      await viewer.close();
    }
  });

  it('manages acme\'s own notification endpoints, with the API\'s objection beside the field', async () => {
    const { page } = s;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notifications' }).click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    // Acme's own endpoints only: there is no owner to choose.
    expect(await page.getByLabel('Endpoints of').count()).toBe(0);
    const form = page.getByRole('form', { name: 'Add an endpoint' });
    await form.getByLabel('Name').fill('Security mailbox');
    await form.getByLabel('Kind').selectOption('EMAIL');
    await form.getByLabel('Email address').fill('security@acme.example');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    // The demo server has no SMTP relay, which the API says about the kind.
    await form.getByText(/^Kind: email endpoints need an SMTP relay/).waitFor();
    await form.getByLabel('Kind').selectOption('TEAMS');
    await form.getByLabel('URL').fill('https://acme.webhook.office.example/hook');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByRole('table', { name: 'Notification endpoints' }).getByRole('rowheader', { name: 'Security mailbox' }).waitFor();
  });
});
