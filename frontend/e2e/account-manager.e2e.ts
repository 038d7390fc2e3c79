// The account manager: lands on the portfolio of every demo tenant, sorts it and steps the
// month (both in the URL), downloads it as CSV, opens acme's account report (usage by day, SLA
// with the month's breaches, volumes, invoices with the estimate marked, whether acme's customer
// admins may read it, which only a provider admin changes), downloads the report's CSV and
// prints it.

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessToken, tenantIdBySlug } from './api';
import { openBrowser, screenshot, signIn, type Session } from './browser';
import { drawnCanvas, expectDrawnChart } from './charts';

const ACCOUNT_MANAGER = 'accounts@garrison.local';

function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

describe('the account manager', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;

  beforeAll(async () => {
    s = await openBrowser(baseUrl);
    await signIn(s.page, ACCOUNT_MANAGER);
  });
  afterAll(async () => s.close());

  it('lands on the portfolio with every demo tenant', async () => {
    const { page } = s;
    await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/portfolio');
    const nav = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
    expect(nav).toEqual(['Cases', 'Tenants', 'Portfolio', 'Settings']);
    const table = page.locator('table.portfolio');
    await table.waitFor();
    // Other test files share the server and may have added tenants; the demo's three are there,
    // each on the plan the demo gave it.
    const plans: Record<string, string> = {};
    for (const row of await table.locator('tbody tr').all()) {
      plans[(await row.locator('th').textContent()) ?? ''] = (await row.locator('td').first().textContent()) ?? '';
    }
    expect(plans).toMatchObject({ 'Acme Corporation': 'Essentials', 'Globex Industries': 'Professional', Initech: 'Enterprise' });
    await page.getByText(/: \d+ tenants, \d+ flagged/).waitFor();
    await screenshot(page, 'account-manager-portfolio');
  });

  it('keeps the sort and the month in the URL, so a reload shows the same view', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Endpoints' }).click();
    await page.getByRole('button', { name: 'Endpoints' }).click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'endpoints' && url.searchParams.get('dir') === 'desc');
    // The demo's fleets grow with each tenant: initech has the most endpoints.
    await expect.poll(() => page.locator('table.portfolio tbody th').first().textContent()).toBe('Initech');
    const previous = new Date();
    previous.setDate(1);
    previous.setMonth(previous.getMonth() - 1);
    await page.getByRole('button', { name: 'Previous month' }).click();
    await page.waitForURL((url) => url.searchParams.get('month') === monthOf(previous));
    await page.reload();
    await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    expect(await page.getByLabel('Month').inputValue()).toBe(monthOf(previous));
    await expect.poll(() => page.locator('table.portfolio tbody th').first().textContent()).toBe('Initech');
    const header = page.locator('th', { has: page.getByRole('button', { name: 'Endpoints' }) });
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    await page.getByRole('button', { name: 'Next month' }).click();
    await page.waitForURL((url) => !url.searchParams.has('month'));
    // The URL changes before React renders the new month.
    await expect.poll(() => page.getByRole('button', { name: 'Next month' }).isDisabled()).toBe(true);
  });

  it('downloads the portfolio as CSV', async () => {
    const { page } = s;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`portfolio-${monthOf(new Date())}.csv`);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    // A header, then one line per tenant (at least the demo's three).
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(csv).toContain('Acme Corporation');
    expect(csv).toContain('Initech');
  });

  it('opens acme\'s report for the month: usage, SLA, volumes and the estimate', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Acme Corporation', exact: true }).click();
    await page.getByRole('heading', { name: /Acme Corporation/, level: 1 }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toMatch(/^\/tenants\/[^/]+\/report$/);
    expect(url.searchParams.get('month')).toBe(monthOf(new Date()));
    await page.getByRole('heading', { name: /^Account report · /, level: 2 }).waitFor();
    await page.getByRole('navigation', { name: 'Tenant sections' }).getByRole('link', { name: 'Report' }).waitFor();

    // Usage: totals and one chart per measure, by day.
    const usage = page.getByRole('region', { name: 'Usage' });
    await usage.getByRole('group', { name: 'Events' }).waitFor();
    expect(await usage.locator('figure figcaption').allTextContents()).toEqual(['Events per day', 'GB per day', 'Endpoints per day']);
    expect(await usage.locator('figure').first().locator('tbody tr').count()).toBeGreaterThan(0);
    for (const chart of await usage.locator('figure').all()) await expectDrawnChart(chart);

    // SLA: attainment, MTTA and MTTR and the breach count.
    const sla = page.getByRole('region', { name: 'SLA' });
    await sla.getByRole('group', { name: 'MTTA' }).waitFor();
    await sla.getByRole('group', { name: 'MTTR' }).waitFor();
    await sla.getByRole('group', { name: 'Breaches' }).waitFor();

    // The month's breaches, one row each: the demo's analyst missed some of acme's targets.
    const breachCount = Number(await sla.getByRole('group', { name: 'Breaches' }).locator('.big').textContent());
    expect(breachCount).toBeGreaterThan(0);
    const breaches = sla.getByRole('table', { name: 'SLA breaches' });
    await breaches.waitFor();
    expect(await breaches.locator('thead th').allTextContents()).toEqual(['What', 'Target', 'Due', 'Breached by', 'Open']);
    expect(await breaches.locator('tbody tr').count()).toBe(breachCount);
    const what = await breaches.locator('tbody tr td:nth-child(1)').allTextContents();
    what.forEach((w) => expect(w).toMatch(/^(Critical|High|Medium|Low|Informational) (alert|case)$/));
    for (const by of await breaches.locator('tbody tr td:nth-child(4)').allTextContents()) expect(by).toMatch(/^\d+ (d|h|min|s)/);
    // Cases open from here; alerts are not the account manager's to open.
    for (const row of await breaches.locator('tbody tr').all()) {
      const kind = await row.locator('td').first().textContent();
      if (kind?.endsWith('case')) expect(await row.getByRole('link', { name: /^Open case/ }).count()).toBe(1);
      else expect(await row.getByText('Alerts are not in your console').count()).toBe(1);
    }
    await breaches.scrollIntoViewIfNeeded();
    await screenshot(page, 'account-report-breaches');

    // Whether acme's customer admins may read the report: shown, but not the account manager's to change.
    const access = page.getByRole('region', { name: 'Customer access' });
    await access.getByText(/Acme Corporation's customer admins may (not )?read this report\./).waitFor();
    expect(await access.getByRole('checkbox').count()).toBe(0);

    await page.getByRole('region', { name: 'Alerts and cases' }).getByRole('table', { name: 'Alerts by severity' }).waitFor();

    // Local billing: no Stripe invoice, and Garrison's computation marked as an estimate.
    const invoices = page.getByRole('region', { name: 'Invoices' });
    await invoices.getByText('No invoice has been issued for this month.').waitFor();
    await invoices.getByText('Estimate · not an invoice').waitFor();
    const lines = await invoices.getByRole('table', { name: 'Estimate lines' }).locator('tbody tr').allTextContents();
    expect(lines.join('\n')).toMatch(/Essentials/);
    await invoices.getByText('Estimated total').waitFor();
    await screenshot(page, 'account-report');
  });

  it('downloads the report as CSV and prints without the console\'s chrome', async () => {
    const { page } = s;
    const month = monthOf(new Date());
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`account-acme-${month}.csv`);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split(/\r?\n/)[0]).toBe('section,key,a,b,c,d');
    expect(csv).toMatch(/^account,tenant,[^,]+,Acme Corporation,/m);
    expect(csv).toMatch(/^usage_day,\d{4}-\d{2}-\d{2},\d+,/m);

    await page.getByRole('button', { name: 'Print' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Download CSV' }).isVisible()).toBe(false);
    const usage = page.getByRole('region', { name: 'Usage' });
    expect(await usage.isVisible()).toBe(true);
    // The usage charts print as drawn canvases, none wider than the report.
    const section = await usage.boundingBox();
    for (const chart of await usage.locator('figure').all()) {
      const drawn = await drawnCanvas(chart);
      expect(drawn.painted).toBeGreaterThan(0);
      expect(drawn.width).toBeGreaterThan(100);
      expect(drawn.width).toBeLessThanOrEqual(section!.width);
    }
    await screenshot(page, 'account-report-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('may not open a report to customers: the API refuses, as the console\'s missing switch says', async () => {
    const token = await accessToken(baseUrl, ACCOUNT_MANAGER);
    const acmeId = await tenantIdBySlug(baseUrl, token, 'acme');
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation($t: ID!) { setCustomerReports(tenantId: $t, enabled: true) }', variables: { t: acmeId } }),
    });
    const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is offered no billing or notification pages', async () => {
    const { page } = s;
    await page.goto('/billing');
    await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
    await page.goto('/notifications');
    await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
  });
});
