// The provider admin's day: the tenant list, a shareable filter, creating a tenant (with a
// field error first), that tenant's audit log, and the Users and Settings pages.

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, signIn, type Session } from './browser';
import { PROVIDER_ADMIN } from './env';

describe('provider admin', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;

  beforeAll(async () => {
    s = await openBrowser(baseUrl);
    await signIn(s.page, PROVIDER_ADMIN);
  });
  afterAll(async () => s.close());

  it('lands on the alert queue, and sees the three demo tenants in the tenant list', async () => {
    const { page } = s;
    await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/alerts');
    const nav = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
    expect(nav).toEqual(['Alerts', 'Cases', 'Tenants', 'Portfolio', 'Billing', 'Notifications', 'Rules', 'Users', 'Settings']);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tenants' }).click();
    await page.getByRole('heading', { name: 'Tenants', level: 1 }).waitFor();
    await page.getByText('Showing 3 of 3 tenants').waitFor();
    const slugs = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(slugs).toEqual(['acme', 'globex', 'initech']);
    await screenshot(page, 'provider-admin-tenants');
  });

  it('keeps filters and sort in the URL, so a reload shows the same view', async () => {
    const { page } = s;
    await page.getByLabel('Search').fill('glob');
    await page.waitForURL((url) => url.searchParams.get('q') === 'glob');
    await page.getByText('Showing 1 of 3 tenants').waitFor();
    await page.getByRole('button', { name: 'Slug' }).click();
    await page.getByRole('button', { name: 'Slug' }).click();
    await page.waitForURL((url) => url.searchParams.get('dir') === 'desc');
    await page.reload();
    await page.getByText('Showing 1 of 3 tenants').waitFor();
    expect(await page.getByLabel('Search').inputValue()).toBe('glob');
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Slug');
    await page.goto('/tenants?sort=slug&dir=desc');
    await page.getByText('Showing 3 of 3 tenants').waitFor();
    const slugs = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(slugs).toEqual(['initech', 'globex', 'acme']);
  });

  it('shows the server\'s error next to the field it names, then creates the tenant', async () => {
    const { page } = s;
    await page.goto('/tenants');
    await page.getByLabel('Name', { exact: true }).fill('Umbrella Corp');
    expect(await page.getByLabel('Slug').inputValue()).toBe('umbrella-corp');
    await page.getByLabel('Time zone').fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Create tenant' }).click();
    const zoneError = page.locator('.field-error', { hasText: 'Time zone:' });
    await zoneError.waitFor();
    expect(await zoneError.textContent()).toContain('not a known time zone');
    expect(await page.getByLabel('Time zone').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Slug').fill('acme');
    await page.getByLabel('Time zone').fill('Europe/Berlin');
    await page.getByRole('button', { name: 'Create tenant' }).click();
    await page.locator('.field-error', { hasText: 'Slug:' }).waitFor();
    expect(await page.locator('.field-error', { hasText: 'Slug:' }).textContent()).toContain('already taken');

    await page.getByLabel('Slug').fill('umbrella');
    await page.getByRole('button', { name: 'Create tenant' }).click();
    await page.getByRole('status').filter({ hasText: 'Created Umbrella Corp' }).waitFor();
    await page.getByText('Showing 4 of 4 tenants').waitFor();
    await screenshot(page, 'provider-admin-tenant-created');
  });

  it('opens the new tenant and its audit log, with absolute times on hover', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Umbrella Corp' }).first().click();
    await page.getByRole('heading', { name: /Umbrella Corp/, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Suspend tenant' }).waitFor();
    await screenshot(page, 'provider-admin-tenant-detail');

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(/\/tenants\/[^/]+\/audit$/);
    await page.getByText('1 of 1 entries').waitFor();
    const row = page.locator('tbody tr').first();
    // Actor names arrive with the user list, which may land after the entries.
    await row.locator('td:nth-child(2)', { hasText: PROVIDER_ADMIN }).waitFor();
    expect(await row.locator('td:nth-child(3)').textContent()).toBe('tenant.create');
    expect(await row.locator('td:nth-child(4)').textContent()).toBe('tenant Umbrella Corp');
    const time = row.locator('time');
    expect(await time.textContent()).toBe('just now');
    // Europe/Berlin is the browser's zone in these tests: the hover text is in it, not in UTC.
    expect(await time.getAttribute('data-absolute')).toMatch(/\d{2}:\d{2}:\d{2} (CET|CEST|GMT\+1|GMT\+2)/);
    await time.hover();
    await screenshot(page, 'provider-admin-audit-log');
  });

  it('suspends and reactivates a tenant after confirming', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('button', { name: 'Suspend tenant' }).click();
    await page.getByRole('button', { name: 'Confirm suspension' }).click();
    await page.getByRole('heading', { name: /Suspended/, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Reactivate tenant' }).click();
    await page.getByRole('heading', { name: /Active/, level: 1 }).waitFor();
  });

  it('renames a tenant and changes its time zone', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Edit tenant' }).click();
    const form = page.getByRole('form', { name: 'Edit Umbrella Corp' });
    await form.getByLabel('Name').fill('Umbrella Corporation');
    await form.getByLabel('Time zone').fill('Asia/Tokyo');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: /Umbrella Corporation/, level: 1 }).waitFor();
    expect(await page.locator('dl.facts').textContent()).toContain('Asia/Tokyo');
    expect(await form.count()).toBe(0);
  });

  it('creates an analyst assigned to one tenant on the Users page', async () => {
    const { page } = s;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByLabel('Email').fill('second.analyst@garrison.local');
    await page.getByLabel('Display name').fill('Second Analyst');
    await page.getByLabel('Initial password').fill('a-long-enough-password');
    await page.getByLabel('Role').selectOption('ANALYST');
    await page.getByRole('group', { name: 'Assigned tenants' }).getByLabel('Initech').check();
    await page.getByRole('button', { name: 'Create user' }).click();
    const row = page.locator('tbody tr', { hasText: 'second.analyst@garrison.local' });
    await row.waitFor();
    expect(await row.locator('td:nth-child(4)').textContent()).toBe('Initech');
    await screenshot(page, 'provider-admin-users');
  });

  it('replaces an analyst\'s tenant assignments', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Edit tenants of second.analyst@garrison.local' }).click();
    const editor = page.getByRole('group', { name: 'Tenant assignments of second.analyst@garrison.local' });
    expect(await editor.getByLabel('Initech').isChecked()).toBe(true);
    await editor.getByLabel('Acme Corporation').check();
    await editor.getByLabel('Initech').uncheck();
    await editor.getByRole('button', { name: 'Save assignments' }).click();
    const row = page.locator('tbody tr', { hasText: 'second.analyst@garrison.local' });
    await row.locator('td:nth-child(4)', { hasText: /^Acme Corporation$/ }).waitFor();
    await page.getByRole('button', { name: 'Edit tenants of second.analyst@garrison.local' }).click();
    await editor.getByLabel('All tenants, including future ones').check();
    expect(await editor.getByLabel('Globex Industries').isDisabled()).toBe(true);
    await editor.getByRole('button', { name: 'Save assignments' }).click();
    await row.locator('td:nth-child(4)', { hasText: /^All tenants$/ }).waitFor();
  });

  it('shows the account on the Settings page', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Change password' }).waitFor();
    expect(await page.locator('dl.facts').textContent()).toContain(PROVIDER_ADMIN);
    await page.getByLabel('Current password').fill('wrong-password-entirely');
    await page.getByLabel('New password', { exact: true }).fill('another-long-password');
    await page.getByLabel('Confirm new password').fill('another-long-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('.field-error', { hasText: 'Current password:' }).waitFor();
    await screenshot(page, 'provider-admin-settings');
  });
});
