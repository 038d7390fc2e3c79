// A customer admin of acme sets up ingest: a token whose secret is shown once and is gone after
// navigating away, a syslog range (after a field error for a bad one), then revokes the token.

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessToken, tenantIdBySlug } from './api';
import { openBrowser, screenshot, signIn, type Session } from './browser';
import { ACME_ADMIN, PROVIDER_ADMIN } from './env';

describe('ingest settings of acme, by its customer admin', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;
  let acmeId = '';
  let secret = '';

  beforeAll(async () => {
    const token = await accessToken(baseUrl, PROVIDER_ADMIN);
    acmeId = await tenantIdBySlug(baseUrl, token, 'acme');
    s = await openBrowser(baseUrl);
    await signIn(s.page, ACME_ADMIN);
    await s.page.waitForURL(`**/tenants/${acmeId}`);
  });
  afterAll(async () => s.close());

  it('shows ingest health on the organization page', async () => {
    const { page } = s;
    const health = page.getByRole('table', { name: 'Events by source, last 24 hours' });
    await health.waitFor();
    // The demo sent 600 events to acme over the last day.
    await health.locator('tbody tr td code').first().waitFor();
    // Each source's events in the last hour beside the day's, silent sources listed first.
    expect(await health.locator('thead th').allTextContents()).toEqual(['Source', 'Received', 'Last hour', 'Stored', 'Rejected', 'Dead-lettered', 'State']);
    const states = await health.locator('tbody tr td:last-child').allTextContents();
    expect(states).toEqual([...states].sort((a, b) => Number(b === 'silent') - Number(a === 'silent')));
    // Each sending host with its events and last arrival, silent hosts first.
    const hosts = page.getByRole('table', { name: /^Sending hosts/ });
    await hosts.locator('tbody tr td code').first().waitFor();
    expect(await hosts.locator('thead th').allTextContents()).toEqual(['Host', 'Events', 'Last seen', 'State']);
    const hostStates = await hosts.locator('tbody tr td:last-child').allTextContents();
    expect(hostStates.length).toBeGreaterThan(0);
    expect(hostStates).toEqual([...hostStates].sort((a, b) => Number(b === 'silent') - Number(a === 'silent')));
    expect(await hosts.locator('tbody tr').first().locator('time, [title]').count()).toBeGreaterThan(0);
  });

  it('creates a token and sees its secret exactly once', async () => {
    const { page } = s;
    await page.getByRole('navigation', { name: 'Organization sections' }).getByRole('link', { name: 'Ingest' }).click();
    await page.waitForURL(`**/tenants/${acmeId}/ingest`);
    await page.getByRole('table', { name: 'Ingest tokens, newest first' }).waitFor();
    await page.getByLabel('Token name').fill('e2e-firewall');
    await page.getByRole('button', { name: 'Create token' }).click();
    const box = page.getByLabel('New token secret');
    await box.waitFor();
    secret = await box.inputValue();
    expect(secret.length).toBeGreaterThan(16);
    await page.getByText('you will not see this token again').waitFor();
    // The sending examples use the new token.
    expect(await page.getByLabel('curl example').textContent()).toContain(`Bearer ${secret}`);
    const row = page.locator('tbody tr', { hasText: 'e2e-firewall' });
    await row.waitFor();
    const prefix = (await row.locator('td:first-child').textContent())?.replace('…', '') ?? '';
    expect(secret, prefix).toContain(prefix);
    await screenshot(page, 'token-created-once');

    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('table', { name: 'Events by source, last 24 hours' }).waitFor();
    await page.getByRole('link', { name: 'Ingest' }).click();
    await page.locator('tbody tr', { hasText: 'e2e-firewall' }).waitFor();
    expect(await page.getByLabel('New token secret').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    expect(await page.getByLabel('curl example').textContent()).toContain('Bearer <token>');
  });

  it('binds a syslog range, after a field error for a bad one', async () => {
    const { page } = s;
    await page.getByLabel('Address range').fill('10.0.0.0/99');
    await page.getByRole('button', { name: 'Bind range' }).click();
    await page.locator('.field-error', { hasText: 'Address range:' }).waitFor();
    expect(await page.getByLabel('Address range').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Address range').fill('10.20.0.0/16');
    await page.getByRole('button', { name: 'Bind range' }).click();
    await page.getByRole('table', { name: 'Bound address ranges' }).getByRole('cell', { name: '10.20.0.0/16', exact: true }).waitFor();
    expect(await page.locator('.field-error').count()).toBe(0);
    // Limits are the provider's to set.
    expect(await page.getByRole('heading', { name: 'Ingest limits' }).count()).toBe(0);
    await screenshot(page, 'ingest-settings');
  });

  it('revokes the token after confirming', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Revoke e2e-firewall' }).click();
    await page.getByRole('button', { name: 'Confirm revoking e2e-firewall' }).click();
    const row = page.locator('tbody tr', { hasText: 'e2e-firewall' });
    await row.getByText('revoked').waitFor();
    expect(await page.getByRole('button', { name: 'Revoke e2e-firewall' }).count()).toBe(0);
    // The API refuses the revoked token.
    const response = await fetch(`${baseUrl}/ingest/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}` },
      body: '{"message":"after revocation"}\n',
    });
    expect(response.status).toBe(401);
  });
});

describe('ingest limits of acme, by the provider admin', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;
  let acmeId = '';

  beforeAll(async () => {
    const token = await accessToken(baseUrl, PROVIDER_ADMIN);
    acmeId = await tenantIdBySlug(baseUrl, token, 'acme');
    s = await openBrowser(baseUrl);
    await signIn(s.page, PROVIDER_ADMIN);
    await s.page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
  });
  afterAll(async () => s.close());

  it('sets a rate and a retention, keeps the daily volume at the default, and they stay set', async () => {
    const { page } = s;
    await page.goto(`/tenants/${acmeId}/ingest`);
    await page.getByRole('heading', { name: 'Ingest limits' }).waitFor();
    await page.getByLabel('Events per second').fill('0');
    await page.getByRole('button', { name: 'Save limits' }).click();
    await page.locator('.field-error', { hasText: 'Events per second:' }).waitFor();

    await page.getByLabel('Events per second').fill('250');
    await page.getByLabel('Bytes per day').fill('');
    await page.getByLabel('Retention (days)').fill('45');
    await page.getByRole('button', { name: 'Save limits' }).click();
    await page.getByText('Limits saved.').waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Ingest limits' }).waitFor();
    await expect.poll(() => page.getByLabel('Events per second').inputValue()).toBe('250');
    expect(await page.getByLabel('Bytes per day').inputValue()).toBe('');
    expect(await page.getByLabel('Retention (days)').inputValue()).toBe('45');
  });
});
