// Relay paging against the real server: more tenants than one page (50) and more audit
// entries than one page (25), on a server of its own so the counts are exact.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessToken, graphql, tenantIdBySlug } from './api';
import { openBrowser, signIn, type Session } from './browser';
import { PROVIDER_ADMIN } from './env';
import { startGarrison, type RunningServer } from './server';

const EXTRA_TENANTS = 52;
const RENAMES = 27;

describe('paging through connections', () => {
  let server: RunningServer;
  let s: Session;
  let acmeId = '';

  beforeAll(async () => {
    server = await startGarrison();
    const token = await accessToken(server.baseUrl, PROVIDER_ADMIN);
    for (let i = 0; i < EXTRA_TENANTS; i += 1) {
      const slug = `bulk-${String(i).padStart(2, '0')}`;
      await graphql(server.baseUrl, token, 'mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }', {
        input: { name: `Bulk ${i}`, slug },
      });
    }
    acmeId = await tenantIdBySlug(server.baseUrl, token, 'acme');
    for (let i = 0; i < RENAMES; i += 1) {
      await graphql(server.baseUrl, token, 'mutation($id: ID!, $input: UpdateTenantInput!) { updateTenant(id: $id, input: $input) { id } }', {
        id: acmeId,
        input: { name: `Acme ${i}` },
      });
    }
    s = await openBrowser(server.baseUrl);
    await signIn(s.page, PROVIDER_ADMIN);
    await s.page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    await s.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tenants' }).click();
  });
  afterAll(async () => {
    await s?.close();
    await server?.stop();
  });

  it('loads tenants a page at a time, with the total known from the start', async () => {
    const { page } = s;
    const total = 3 + EXTRA_TENANTS;
    await page.getByText(`Showing 50 of ${total} tenants`).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(50);
    await page.getByRole('button', { name: 'Load more tenants' }).click();
    await page.getByText(`Showing ${total} of ${total} tenants`).waitFor();
    expect(await page.getByRole('button', { name: 'Load more tenants' }).count()).toBe(0);
    // Filtering covers every loaded page, not just the last one.
    await page.getByLabel('Search').fill('bulk-5');
    await page.getByText(`Showing 2 of ${total} tenants`).waitFor();
  });

  it('pages back through the audit log, newest first', async () => {
    const { page } = s;
    await page.goto(`/tenants/${acmeId}/audit`);
    const entries = await graphql<{ auditLog: { totalCount: number } }>(
      server.baseUrl,
      await accessToken(server.baseUrl, PROVIDER_ADMIN),
      'query($id: ID!) { auditLog(tenantId: $id, first: 1) { totalCount } }',
      { id: acmeId },
    );
    const total = entries.auditLog.totalCount;
    expect(total).toBeGreaterThan(25);
    await page.getByText(`25 of ${total} entries`).waitFor();
    let loaded = 25;
    while (loaded < total) {
      await page.getByRole('button', { name: 'Load older entries' }).click();
      loaded = Math.min(total, loaded + 25);
      await page.getByText(`${loaded} of ${total} entries`).waitFor();
    }
    const actions = await page.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(actions).toHaveLength(total);
    // Oldest last: the tenant's creation closes the log.
    expect(actions[actions.length - 1]).toBe('tenant.create');
    expect(await page.getByRole('button', { name: 'Load older entries' }).count()).toBe(0);
  });
});
