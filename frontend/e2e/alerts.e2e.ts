// The alert queue: the analyst lands on it with acme's and globex's alerts (never initech's),
// filters by severity in a shareable URL, opens an alert with its events, triages (one alert
// from its page, two in bulk), and sees a freshly detected alert arrive live. Acme's customer
// admin reads acme's alerts only, with no triage controls.

import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { accessToken, createIngestToken, graphql, raiseWhoamiAlerts, sendEvents, tenantIdBySlug, whoamiEvent } from './api';
import { openBrowser, screenshot, signIn, type Session } from './browser';
import { ACME_ADMIN, PROVIDER_ADMIN } from './env';

const ANALYST = 'analyst@garrison.local';
/** The queue's count line, e.g. "50 of 297 alerts". */
const COUNT = /^\d+ of \d+ alerts?$/;

describe('the alert queue', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;
  let adminToken = '';
  let acmeId = '';

  beforeAll(async () => {
    adminToken = await accessToken(baseUrl, PROVIDER_ADMIN);
    acmeId = await tenantIdBySlug(baseUrl, adminToken, 'acme');
  });
  beforeEach(async () => {
    s = await openBrowser(baseUrl);
  });
  afterEach(async () => s.close());

  it('the analyst lands on the queue with acme\'s and globex\'s alerts, never initech\'s', async () => {
    const { page } = s;
    await signIn(page, ANALYST);
    await page.waitForURL('**/alerts');
    await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    await page.getByText(COUNT).waitFor();
    // The landing shows open alerts; every status shows every tenant the demo alerted on.
    await page.goto('/alerts?status=all');
    const count = page.getByText(/^50 of \d+ alerts$/);
    await count.waitFor();
    const total = Number((await count.textContent())?.split(' of ')[1]?.split(' ')[0]);
    expect(total).toBeGreaterThan(50);
    // Every page, so no tenant hides behind "Load more".
    while ((await page.getByRole('button', { name: 'Load more' }).count()) > 0) {
      const before = await page.locator('table.alerts tbody tr').count();
      await page.getByRole('button', { name: 'Load more' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('table.alerts tbody tr').length > n, before);
    }
    await page.getByText(`${total} of ${total} alerts`).waitFor();
    const tenants = new Set(await page.locator('table.alerts tbody tr td:nth-child(4)').allTextContents());
    expect([...tenants].sort()).toEqual(['Acme Corporation', 'Globex Industries']);
    const options = await page.getByLabel('Tenant').locator('option').allTextContents();
    expect(options).toEqual(['Every tenant', 'Acme Corporation', 'Globex Industries']);
    expect(await page.getByText(/initech/i).count()).toBe(0);
    // Every open alert counts down to its next SLA target; closed ones say how it went.
    const rows = page.locator('table.alerts tbody tr');
    const statuses = await rows.locator('td:nth-child(9)').allTextContents();
    const sla = await rows.locator('td:nth-child(8)').allTextContents();
    expect(sla.length).toBe(statuses.length);
    sla.forEach((text, i) => {
      if (statuses[i]?.startsWith('Closed')) expect(text).not.toMatch(/ in /);
      else expect(text).toMatch(/^(Acknowledge|Resolve) (in|overdue by|paused)/);
    });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'alerts-queue');
  });

  it('filters by severity and tenant, and the URL survives a reload', async () => {
    const { page } = s;
    await signIn(page, ANALYST);
    await page.getByText(COUNT).waitFor();
    await page.goto('/alerts?status=all');
    await page.getByText(COUNT).waitFor();
    // The URL is the state: the box shows checked once the navigation lands.
    await page.getByLabel('Medium').click();
    await page.waitForURL((url) => url.searchParams.get('severity') === 'medium');
    await page.getByRole('checkbox', { name: 'Medium', checked: true }).waitFor();
    await page.getByLabel('Tenant').selectOption({ label: 'Acme Corporation' });
    await page.waitForURL((url) => url.searchParams.get('tenant') === acmeId);
    const count = page.getByText(/^\d+ of \d+ alerts?$/);
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('table.alerts tbody tr td:nth-child(4)')].map((c) => c.textContent);
      return cells.length > 0 && cells.every((c) => c === 'Acme Corporation');
    });
    const shown = await count.textContent();
    const severities = new Set(await page.locator('table.alerts tbody tr td:nth-child(2)').allTextContents());
    expect([...severities]).toEqual(['Medium']);

    await page.reload();
    await page.getByText(shown ?? '').waitFor();
    expect(await page.getByLabel('Medium').isChecked()).toBe(true);
    expect(await page.getByLabel('High').isChecked()).toBe(false);
    expect(await page.getByLabel('Tenant').inputValue()).toBe(acmeId);
    const after = new Set(await page.locator('table.alerts tbody tr td:nth-child(2)').allTextContents());
    expect([...after]).toEqual(['Medium']);
    await screenshot(page, 'alerts-filtered');
  });

  it('the analyst opens an alert, sees its events and related alerts, acknowledges and closes it', async () => {
    const { page } = s;
    const host = `WS-DETAIL-${Date.now() % 100_000}`;
    const [id] = await raiseWhoamiAlerts(baseUrl, adminToken, acmeId, [host]);
    await signIn(page, ANALYST);
    await page.getByText(COUNT).waitFor();
    await page.goto(`/alerts?status=new&tenant=${acmeId}`);
    const link = page.locator(`tr[data-alert-id="${id}"] td:nth-child(3) a`);
    const title = (await link.textContent()) ?? '';
    await link.click();
    await page.waitForURL(/\/alerts\/[^/?]+$/);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    const events = page.getByRole('region', { name: 'Matching events' });
    const first = events.getByRole('article', { name: /^Event \d+$/ }).first();
    await first.waitFor();
    expect(await first.locator('.field-tree dt').count()).toBeGreaterThan(0);
    await page.getByRole('list', { name: 'ATT&CK' }).waitFor();
    await page.getByRole('region', { name: 'Related alerts' }).getByText(/other alerts of this rule in this tenant/).waitFor();
    expect((await page.locator('h1 .badge').allTextContents())).toContain('New');
    await screenshot(page, 'alert-detail');

    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.locator('h1 .badge', { hasText: 'Acknowledged' }).waitFor();
    expect(await page.getByRole('button', { name: 'Acknowledge' }).isDisabled()).toBe(true);
    await page.locator('.facts dd', { hasText: /^You$/ }).waitFor();
    // Acknowledging stops the acknowledge clock.
    await page.locator('.sla-clocks li', { hasText: 'Acknowledge' }).locator('.sla-met, .sla-missed').waitFor();

    await page.getByRole('button', { name: 'Close…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close alert' });
    await dialog.getByRole('button', { name: 'Close alert' }).click();
    await dialog.getByText('Disposition: choose one').waitFor();
    await dialog.getByLabel('Benign positive').check();
    await dialog.getByLabel('Comment').fill('admin testing, ticket OPS-12');
    await screenshot(page, 'alert-close-dialog');
    await dialog.getByRole('button', { name: 'Close alert' }).click();
    await page.locator('h1 .badge', { hasText: 'Closed · Benign positive' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByText('admin testing, ticket OPS-12').waitFor();
  });

  it('the analyst acknowledges two alerts at once and closes them from the queue', async () => {
    const { page } = s;
    const stamp = Date.now() % 100_000;
    const ids = await raiseWhoamiAlerts(baseUrl, adminToken, acmeId, [`WS-BULK-A-${stamp}`, `WS-BULK-B-${stamp}`]);
    await signIn(page, ANALYST);
    await page.getByText(COUNT).waitFor();
    await page.goto('/alerts?status=new&unassigned=1');
    await page.getByText(COUNT).waitFor();
    for (const id of ids) await page.locator(`tr[data-alert-id="${id}"]`).getByRole('checkbox').check();
    await page.getByText('2 selected').waitFor();
    await page.getByRole('button', { name: 'Acknowledge selected' }).click();
    // Acknowledged alerts leave a queue of new, unassigned ones.
    for (const id of ids) await page.locator(`tr[data-alert-id="${id}"]`).waitFor({ state: 'detached' });
    await page.getByText('0 selected').waitFor();

    await page.goto('/alerts?status=acknowledged');
    for (const id of ids) await page.locator(`tr[data-alert-id="${id}"]`).getByText('You').waitFor();
    for (const id of ids) await page.locator(`tr[data-alert-id="${id}"]`).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Close selected…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close 2 alerts' });
    await dialog.getByLabel('Duplicate').check();
    await dialog.getByRole('button', { name: 'Close 2 alerts' }).click();
    for (const id of ids) await page.locator(`tr[data-alert-id="${id}"]`).waitFor({ state: 'detached' });
  });

  it('a freshly detected alert appears in the open queue without a reload', async () => {
    const { page } = s;
    await signIn(page, ANALYST);
    await page.getByText(COUNT).waitFor();
    await page.goto(`/alerts?tenant=${acmeId}`);
    const count = page.getByText(COUNT);
    await count.waitFor();
    const before = Number((await count.textContent())?.split(' of ')[1]?.split(' ')[0]);
    // Let the subscription's socket open before the event is sent.
    await page.waitForTimeout(1000);
    const host = `WS-LIVE-${Date.now() % 100_000}`;
    const secret = await createIngestToken(baseUrl, adminToken, acmeId, `e2e-live-${host}`);
    await sendEvents(baseUrl, secret, [whoamiEvent(host)]);
    const row = page.locator('table.alerts tbody tr', { hasText: host });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.locator('td:nth-child(3)').textContent()).toBe('Local Account Discovery With Whoami');
    expect(await page.locator('table.alerts tbody tr').first().getAttribute('data-alert-id')).toBe(
      await row.getAttribute('data-alert-id'),
    );
    await page.getByText(`of ${before + 1} ${before + 1 === 1 ? 'alert' : 'alerts'} · 1 new since loaded`).waitFor();
    await screenshot(page, 'alerts-live');
  });

  it('acme\'s customer admin reads acme\'s alerts only, with no triage controls, and finds globex\'s "not found"', async () => {
    const { page } = s;
    await signIn(page, ACME_ADMIN);
    await page.waitForURL(`**/tenants/${acmeId}`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
    await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    await page.getByText(COUNT).waitFor();
    await page.goto('/alerts?status=all');
    await page.getByText(COUNT).waitFor();
    await page.locator('table.alerts tbody tr[data-alert-id]').first().waitFor();
    const tenants = new Set(await page.locator('table.alerts tbody tr td:nth-child(3)').allTextContents());
    expect([...tenants]).toEqual(['Acme Corporation']);
    expect(await page.getByLabel('Tenant').count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: /^Select/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Acknowledge|Assign to me|Close/ }).count()).toBe(0);
    expect(await page.getByLabel('Unassigned only').count()).toBe(0);
    expect(await page.getByLabel(/^Assign .*to$/).count()).toBe(0);
    await screenshot(page, 'customer-alerts');

    await page.locator('table.alerts tbody tr td:nth-child(2) a').first().click();
    await page.getByRole('region', { name: 'Matching events' }).waitFor();
    expect(await page.getByRole('group', { name: 'Triage' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Acknowledge|Close/ }).count()).toBe(0);

    // Another tenant's alert is not found, exactly like one that does not exist.
    const globexId = await tenantIdBySlug(baseUrl, adminToken, 'globex');
    const globex = await graphql<{ alerts: { edges: Array<{ node: { id: string } }> } }>(
      baseUrl,
      adminToken,
      'query($t: [ID!]) { alerts(first: 1, filter: { tenantIds: $t }) { edges { node { id } } } }',
      { t: [globexId] },
    );
    const globexAlert = globex.alerts.edges[0]?.node.id ?? '';
    expect(globexAlert).not.toBe('');
    await page.goto(`/alerts/${globexAlert}`);
    await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
    expect(await page.getByText(/globex/i).count()).toBe(0);
  });
});
