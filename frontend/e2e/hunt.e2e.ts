// Hunting: the analyst searches acme's demo events and opens one; the URL carries the search;
// a bad query is explained beside the box. A customer admin cannot hunt another tenant, and
// the account manager is offered neither hunting nor ingest settings.

import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { accessToken, tenantIdBySlug } from './api';
import { openBrowser, screenshot, signIn, type Session } from './browser';
import { ACME_ADMIN, PROVIDER_ADMIN } from './env';

describe('hunting', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;
  let acmeId = '';
  let globexId = '';

  beforeAll(async () => {
    const token = await accessToken(baseUrl, PROVIDER_ADMIN);
    acmeId = await tenantIdBySlug(baseUrl, token, 'acme');
    globexId = await tenantIdBySlug(baseUrl, token, 'globex');
  });
  beforeEach(async () => {
    s = await openBrowser(baseUrl);
  });
  afterEach(async () => s.close());

  it('the analyst finds acme\'s failed SSH passwords and opens one', async () => {
    const { page } = s;
    await signIn(page, 'analyst@garrison.local');
    await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assigned tenants' }).click();
    await page.getByRole('link', { name: /Acme/ }).click();
    await page.getByRole('navigation', { name: 'Tenant sections' }).getByRole('link', { name: 'Hunt' }).click();
    await page.waitForURL(`**/tenants/${acmeId}/hunt`);
    expect(await page.getByRole('link', { name: 'Ingest' }).count()).toBe(0);

    // The default search (everything in the last 24 hours) shows first; wait for the answer to this one.
    await page.getByText(/^50 of \d+ events$/).waitFor();
    const searched = page.waitForResponse(
      (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('failed password'),
    );
    await page.getByLabel('Query').fill('"failed password"');
    await page.getByRole('button', { name: 'Search' }).click();
    await searched;
    await page.waitForURL(/q=%22failed\+password%22/);
    const count = page.getByText(/^\d+ of \d+ events$/);
    await count.waitFor();
    const total = Number((await count.textContent())?.split(' of ')[1]?.split(' ')[0]);
    expect(total).toBeGreaterThan(0);
    const raws = await page.locator('td.raw-preview').allTextContents();
    expect(raws.length).toBe(Math.min(total, 50));
    for (const raw of raws) expect(raw.toLowerCase()).toContain('failed password');
    await screenshot(page, 'hunt-results');

    const first = page.getByRole('button', { name: /^Show event/ }).first();
    await first.click();
    const detail = page.getByRole('region', { name: /^Event \d+$/ });
    await detail.waitFor();
    expect((await detail.locator('pre.raw').textContent())?.toLowerCase()).toContain('failed password');
    expect(await detail.locator('.field-tree dt').count()).toBeGreaterThan(0);
    await screenshot(page, 'event-detail');

    // The link is the search: a reload shows the same one.
    await page.reload();
    expect(await page.getByLabel('Query').inputValue()).toBe('"failed password"');
    await page.getByText(`of ${total} events`).waitFor();
  });

  it('explains a query syntax error beside the query box, and pages with "Load more"', async () => {
    const { page } = s;
    await signIn(page, 'analyst@garrison.local');
    await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    await page.goto(`/tenants/${acmeId}/hunt?q=${encodeURIComponent('(user.name:root')}`);
    await page.locator('.field-error', { hasText: 'Query:' }).waitFor();
    expect(await page.getByLabel('Query').getAttribute('aria-invalid')).toBe('true');

    await page.goto(`/tenants/${acmeId}/hunt`);
    const count = page.getByText(/^50 of \d+ events$/);
    await count.waitFor();
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText(/^100 of \d+ events$/).waitFor();
  });

  it('a customer admin of acme finds globex\'s hunt page "not found"', async () => {
    const { page } = s;
    await signIn(page, ACME_ADMIN);
    await page.waitForURL(`**/tenants/${acmeId}`);
    await page.goto(`/tenants/${globexId}/hunt`);
    await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
    await page.goto(`/tenants/${globexId}/ingest`);
    await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
  });

  it('the account manager is offered no hunting and no ingest settings', async () => {
    const { page } = s;
    await signIn(page, 'accounts@garrison.local');
    await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await page.getByRole('link', { name: /Acme/ }).click();
    await page.getByRole('heading', { name: /Acme/, level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Hunt' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Ingest' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Ingest health' }).count()).toBe(0);
    await page.goto(`/tenants/${acmeId}/hunt`);
    await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
  });
});
