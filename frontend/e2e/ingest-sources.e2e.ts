// Where syslog and HTTP events come from, configured in the console: the provider admin creates
// an acme ingest token with log-source tags and changes them; acme's customer admin binds a
// syslog TLS client certificate by its fingerprint (after a field error for a bad one), reads
// it abbreviated with the full value on hover, and unbinds it after confirming.

import { randomBytes } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { accessToken, tenantIdBySlug } from './api';
import { openBrowser, screenshot, signIn, type Session } from './browser';
import { ACME_ADMIN, PROVIDER_ADMIN } from './env';

describe('ingest sources of acme', () => {
  const baseUrl = inject('baseUrl');
  const stamp = Date.now().toString(36);
  const tokenName = `e2e-sysmon-${stamp}`;
  const certName = `e2e-relay-${stamp}`;
  const fingerprint = randomBytes(32).toString('hex');
  let s: Session;
  let acmeId = '';

  beforeAll(async () => {
    acmeId = await tenantIdBySlug(baseUrl, await accessToken(baseUrl, PROVIDER_ADMIN), 'acme');
  });
  beforeEach(async () => {
    s = await openBrowser(baseUrl);
  });
  afterEach(async () => s.close());

  it('the provider admin creates a token with log-source tags, sees them, and changes them', async () => {
    const { page } = s;
    await signIn(page, PROVIDER_ADMIN);
    await page.waitForURL('**/alerts');
    await page.goto(`/tenants/${acmeId}/ingest`);
    const create = page.getByRole('form', { name: 'Create an ingest token' });
    await create.getByLabel('Token name').fill(tokenName);
    await create.getByLabel('Product').fill('Windows');
    await create.getByLabel('Category').fill('process creation');
    await create.getByRole('button', { name: 'Create token' }).click();
    // A space is not in a log-source name: refused beside the box, nothing created.
    await create.getByText(/^Category: letters, digits/).waitFor();
    await create.getByLabel('Category').fill('process_creation');
    await create.getByLabel('Service').fill('sysmon');
    await create.getByRole('button', { name: 'Create token' }).click();
    await page.getByLabel('New token secret').waitFor();

    const table = page.getByRole('table', { name: 'Ingest tokens, newest first' });
    const row = table.locator('tr', { hasText: tokenName });
    await row.getByText('windows', { exact: true }).waitFor();
    expect(await row.locator('td:nth-child(3)').textContent()).toBe('product: windowscategory: process_creationservice: sysmon');
    // The boxes are empty again.
    expect(await create.getByLabel('Product').inputValue()).toBe('');
    await screenshot(page, 'ingest-token-tags');

    await row.getByRole('button', { name: `Change tags of ${tokenName}` }).click();
    const editor = page.getByRole('form', { name: `Log-source tags of ${tokenName}` });
    expect(await editor.getByLabel('Product').inputValue()).toBe('windows');
    await editor.getByLabel('Category').fill('network_connection');
    await editor.getByLabel('Service').fill('');
    await screenshot(page, 'ingest-token-tags-editing');
    await editor.getByRole('button', { name: 'Save tags' }).click();
    await editor.waitFor({ state: 'detached' });
    await row.getByText('network_connection', { exact: true }).waitFor();
    expect(await row.locator('td:nth-child(3)').textContent()).toBe('product: windowscategory: network_connection');

    // Still so after a reload.
    await page.reload();
    await page.locator('tr', { hasText: tokenName }).getByText('network_connection', { exact: true }).waitFor();
  });

  it('acme\'s customer admin binds a client certificate by fingerprint and unbinds it', async () => {
    const { page } = s;
    await signIn(page, ACME_ADMIN);
    await page.waitForURL(`**/tenants/${acmeId}`);
    await page.getByRole('navigation', { name: 'Organization sections' }).getByRole('link', { name: 'Ingest' }).click();
    const panel = page.getByRole('region', { name: 'Syslog client certificates' });
    await panel.getByRole('table', { name: 'Bound client certificates' }).waitFor();
    const box = panel.getByLabel('Certificate (PEM) or SHA-256 fingerprint');

    await panel.getByLabel('Certificate name').fill(certName);
    await box.fill('not-a-fingerprint');
    await panel.getByRole('button', { name: 'Bind certificate' }).click();
    await panel.locator('.field-error', { hasText: 'Certificate (PEM) or SHA-256 fingerprint:' }).waitFor();
    expect(await box.getAttribute('aria-invalid')).toBe('true');

    // As openssl prints it: upper case, in colon pairs.
    await box.fill((fingerprint.toUpperCase().match(/../g) ?? []).join(':'));
    await panel.getByText(/A SHA-256 fingerprint \(64 hex digits/).waitFor();
    await panel.getByRole('button', { name: 'Bind certificate' }).click();
    const row = panel.locator('tbody tr', { hasText: certName });
    await row.waitFor();
    expect(await panel.locator('.field-error').count()).toBe(0);
    const code = row.locator('code');
    expect(await code.locator('[aria-hidden="true"]').textContent()).toBe(`${fingerprint.slice(0, 8)}…${fingerprint.slice(-8)}`);
    expect(await code.getAttribute('data-fingerprint')).toBe(fingerprint);
    expect(await code.getAttribute('title')).toBe(`SHA-256 ${(fingerprint.toUpperCase().match(/../g) ?? []).join(':')}`);
    await code.hover();
    await row.getByRole('button', { name: `Copy fingerprint of ${certName}` }).waitFor();
    await screenshot(page, 'syslog-certificates');

    // The same certificate cannot be bound twice.
    await panel.getByLabel('Certificate name').fill(`${certName}-again`);
    await box.fill(fingerprint);
    await panel.getByRole('button', { name: 'Bind certificate' }).click();
    await panel.getByText(/already bound/).waitFor();

    await row.getByRole('button', { name: `Unbind ${certName}` }).click();
    await row.getByText('no longer this tenant’s').waitFor();
    await row.getByRole('button', { name: `Confirm unbinding ${certName}` }).click();
    await row.waitFor({ state: 'detached' });
    expect(await panel.locator('tbody tr', { hasText: certName }).count()).toBe(0);
  });
});
