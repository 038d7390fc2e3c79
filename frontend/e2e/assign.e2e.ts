// Handing work to a colleague: the analyst assigns an alert to the provider admin from its page,
// assigns alerts of acme and globex at once from the queue (offered only people who work both
// tenants), and hands a case on from the case page. The queue and the pages show the colleague's
// name. A second analyst who works acme only is created for the test, so the intersection shows.

import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { accessToken, graphql, raiseWhoamiAlerts, tenantIdBySlug } from './api';
import { openBrowser, screenshot, signIn, type Session } from './browser';
import { DEMO_PASSWORD, PROVIDER_ADMIN } from './env';

const ANALYST = 'analyst@garrison.local';
/** The demo's provider admin, as the API names them. */
const COLLEAGUE = 'Provider admin';
const COUNT = /^\d+ of \d+ alerts?$/;

describe('assigning to a colleague', () => {
  const baseUrl = inject('baseUrl');
  const stamp = Date.now().toString(36);
  const acmeOnly = `Bea Acme-only ${stamp}`;
  let s: Session;
  let adminToken = '';
  let acmeId = '';
  let globexId = '';

  beforeAll(async () => {
    adminToken = await accessToken(baseUrl, PROVIDER_ADMIN);
    acmeId = await tenantIdBySlug(baseUrl, adminToken, 'acme');
    globexId = await tenantIdBySlug(baseUrl, adminToken, 'globex');
    await graphql(baseUrl, adminToken, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { email: `bea-${stamp}@garrison.local`, password: DEMO_PASSWORD, role: 'ANALYST', displayName: acmeOnly, tenantIds: [acmeId] },
    });
  });
  beforeEach(async () => {
    s = await openBrowser(baseUrl);
  });
  afterEach(async () => s.close());

  it('the analyst assigns an alert to a colleague from its page', async () => {
    const { page } = s;
    const host = `WS-ASSIGN-${stamp}`;
    const [id] = await raiseWhoamiAlerts(baseUrl, adminToken, acmeId, [host]);
    await signIn(page, ANALYST);
    await page.getByText(COUNT).waitFor();
    await page.goto(`/alerts/${id}`);
    const picker = page.getByLabel('Assign to', { exact: true });
    await picker.locator('option', { hasText: acmeOnly }).waitFor({ state: 'attached' });
    // Unassigned, then the staff who work acme by name; never the account manager or customers.
    expect(await picker.locator('option').allTextContents()).toEqual(
      expect.arrayContaining(['Unassigned', 'Ada Analyst (you)', acmeOnly, COLLEAGUE]),
    );
    const options = await picker.locator('option').allTextContents();
    expect(options.some((o) => /Account-Manager|security lead/.test(o))).toBe(false);
    expect(await picker.inputValue()).toBe('none');

    await picker.selectOption({ label: COLLEAGUE });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.locator('.facts dd', { hasText: new RegExp(`^${COLLEAGUE}`) }).waitFor();
    expect(await page.getByRole('button', { name: 'Assign', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, 'alert-assign-colleague');

    await page.goto(`/alerts?tenant=${acmeId}`);
    await page.locator(`tr[data-alert-id="${id}"] td:nth-child(10)`, { hasText: COLLEAGUE }).waitFor();
  });

  it('the analyst assigns acme\'s and globex\'s alerts at once to someone who works both', async () => {
    const { page } = s;
    const [acmeAlert] = await raiseWhoamiAlerts(baseUrl, adminToken, acmeId, [`WS-BULK-ACME-${stamp}`]);
    const [globexAlert] = await raiseWhoamiAlerts(baseUrl, adminToken, globexId, [`WS-BULK-GLOBEX-${stamp}`]);
    const ids = [acmeAlert, globexAlert] as string[];
    await signIn(page, ANALYST);
    await page.getByText(COUNT).waitFor();
    await page.goto('/alerts?status=new&unassigned=1');
    await page.getByText(COUNT).waitFor();
    const picker = page.getByLabel('Assign selected to');
    expect(await picker.isDisabled()).toBe(true);

    await page.locator(`tr[data-alert-id="${acmeAlert}"]`).getByRole('checkbox').check();
    // One acme alert: the acme-only analyst is offered.
    await picker.locator('option', { hasText: acmeOnly }).waitFor({ state: 'attached' });
    await page.locator(`tr[data-alert-id="${globexAlert}"]`).getByRole('checkbox').check();
    await page.getByText('2 selected').waitFor();
    // Acme and globex: only those who reach both.
    await expect.poll(() => picker.locator('option', { hasText: acmeOnly }).count()).toBe(0);
    await picker.locator('option', { hasText: COLLEAGUE }).waitFor({ state: 'attached' });
    // Other test files add staff to the shared server, so the list is checked by what it must hold.
    const bulkOptions = await picker.locator('option').allTextContents();
    expect(bulkOptions.slice(0, 2)).toEqual(['Choose…', 'Unassigned']);
    expect(bulkOptions).toEqual(expect.arrayContaining(['Ada Analyst (you)', COLLEAGUE]));
    expect(bulkOptions).not.toContain(acmeOnly);

    await picker.selectOption({ label: COLLEAGUE });
    await screenshot(page, 'alerts-bulk-assign');
    await page.getByRole('button', { name: 'Assign selected', exact: true }).click();
    // Assigned alerts leave a queue of unassigned ones; the open queue shows who has them.
    for (const id of ids) await page.locator(`tr[data-alert-id="${id}"]`).waitFor({ state: 'detached' });
    await page.goto('/alerts?status=new');
    for (const id of ids) await page.locator(`tr[data-alert-id="${id}"] td:nth-child(10)`, { hasText: COLLEAGUE }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'alerts-assigned-to-colleague');
  });

  it('the analyst hands a case to a colleague, and back to nobody', async () => {
    const { page } = s;
    const title = `Handover ${stamp}`;
    const created = await graphql<{ createCase: { id: string } }>(
      baseUrl,
      adminToken,
      'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
      { input: { tenantId: acmeId, title, severity: 'MEDIUM' } },
    );
    await signIn(page, ANALYST);
    await page.getByText(COUNT).waitFor();
    await page.goto(`/cases/${created.createCase.id}`);
    await page.getByRole('heading', { name: new RegExp(title), level: 1 }).waitFor();
    const picker = page.getByLabel('Assign to', { exact: true });
    await picker.locator('option', { hasText: acmeOnly }).waitFor({ state: 'attached' });
    await picker.selectOption({ label: acmeOnly });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.locator('.case-assignee > span', { hasText: acmeOnly }).waitFor();
    expect(await picker.inputValue()).not.toBe('none');
    await screenshot(page, 'case-assign-colleague');

    await picker.selectOption({ label: 'Unassigned' });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.locator('.case-assignee > span', { hasText: /^Unassigned$/ }).waitFor();
  });
});
