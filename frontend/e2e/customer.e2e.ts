// The customer's home and the SLA pages: acme's customer admin sees acme's dashboard (open
// cases by severity, alerts over the last day, SLA this month, the MTTA/MTTR trend) and reports
// an incident; the provider admin edits acme's SLA policy, reads the month's report and downloads
// its CSV; the customer reads the same settings without controls; acme's audit chain verifies.

import { readFile } from 'node:fs/promises';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { accessToken, tenantIdBySlug } from './api';
import { openBrowser, screenshot, signIn, type Session } from './browser';
import { expectDrawnChart } from './charts';
import { ACME_ADMIN, PROVIDER_ADMIN } from './env';

describe('the customer home, SLA settings and the audit chain', () => {
  const baseUrl = inject('baseUrl');
  const stamp = Date.now().toString(36);
  let s: Session;
  let acmeId = '';

  beforeAll(async () => {
    const token = await accessToken(baseUrl, PROVIDER_ADMIN);
    acmeId = await tenantIdBySlug(baseUrl, token, 'acme');
  });
  beforeEach(async () => {
    s = await openBrowser(baseUrl);
  });
  afterEach(async () => s.close());

  it('acme\'s customer admin lands on the dashboard and reports an incident', async () => {
    const { page } = s;
    await signIn(page, ACME_ADMIN);
    await page.waitForURL(`**/tenants/${acmeId}`);
    const open = page.getByRole('region', { name: /^Open cases \(\d+\)$/ });
    await open.waitFor();
    const volume = page.locator('figure', { has: page.locator('figcaption', { hasText: /^Alerts per hour, last 24 hours \(\d+ in all\)$/ }) });
    await volume.waitFor();
    // Drawn by uPlot, with the 24 hourly numbers also in the hidden table.
    await expectDrawnChart(volume);
    expect(await volume.locator('table tbody tr').count()).toBe(24);
    const sla = page.getByRole('region', { name: 'SLA this month' });
    await sla.locator('p', { hasText: /^Attainment/ }).waitFor();
    await sla.getByRole('group', { name: 'Time to acknowledge (MTTA)' }).waitFor();
    // The MTTA/MTTR trend: six months, this one last, measured from the demo's triage.
    const trend = page.getByRole('region', { name: 'MTTA and MTTR trend' }).getByRole('table', { name: /^Median times by month/ });
    await trend.waitFor();
    expect(await trend.locator('thead th').allTextContents()).toEqual(['Month', 'Time to acknowledge (MTTA)', 'Time to respond (MTTR)', 'Time to resolve']);
    expect(await trend.locator('tbody tr').count()).toBe(6);
    // One uPlot chart per measure above the table.
    const trendCharts = page.getByRole('region', { name: 'MTTA and MTTR trend' }).locator('figure');
    expect(await trendCharts.locator('figcaption').allTextContents()).toEqual(['Time to acknowledge (MTTA)', 'Time to respond (MTTR)', 'Time to resolve']);
    for (const chart of await trendCharts.all()) await expectDrawnChart(chart);
    // The demo acknowledges and resolves; responses are few, so that cell may say none was measured.
    expect(await trend.locator('tbody tr').last().locator('td').allTextContents()).toEqual([
      expect.stringMatching(/^\d+ (s|min|h|d)/),
      expect.stringMatching(/^(\d+ (s|min|h|d)|none measured)/),
      expect.stringMatching(/^\d+ (s|min|h|d)/),
    ]);
    await screenshot(page, 'customer-home');

    const title = `Suspicious login on the VPN ${stamp}`;
    await page.getByRole('button', { name: 'Report incident' }).click();
    await page.getByText('What happened: required').waitFor();
    await page.getByLabel('What happened').fill(title);
    await page.getByLabel('Details (Markdown)').fill('Seen **twice** from <b>abroad</b>:\n\n- 203.0.113.7\n- 198.51.100.9');
    await page.getByLabel('Severity').selectOption({ label: 'High' });
    await page.getByRole('button', { name: 'Report incident' }).click();
    await page.waitForURL(/\/cases\/[^/?]+$/);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.getByText(title).waitFor();
    await heading.locator('.badge', { hasText: 'High' }).waitFor();
    const description = page.getByRole('region', { name: 'Description' });
    await description.locator('strong', { hasText: 'twice' }).waitFor();
    // Markup in the text stays text.
    await description.getByText('<b>abroad</b>', { exact: false }).waitFor();
    expect(await description.locator('li').count()).toBe(2);
    await page.getByText('Customer report').waitFor();
  });

  it('the provider admin edits acme\'s SLA policy, reads the report and downloads the CSV', async () => {
    const { page } = s;
    await signIn(page, PROVIDER_ADMIN);
    await page.waitForURL('**/alerts');
    await page.goto(`/tenants/${acmeId}/sla`);
    const policies = page.getByRole('region', { name: 'Policies' });
    await policies.getByRole('button', { name: 'Edit the High policy' }).click();
    const form = page.getByRole('form', { name: 'High policy' });
    await form.getByLabel('Acknowledge within amount').fill('abc');
    await form.getByRole('button', { name: 'Save policy' }).click();
    await form.getByText('Acknowledge within: a positive number').waitFor();
    await form.getByLabel('Acknowledge within amount').fill('20');
    await form.getByLabel('Acknowledge within unit').selectOption('minutes');
    await form.getByLabel('Resolve within amount').fill('3');
    await form.getByLabel('Resolve within unit').selectOption('hours');
    await form.getByLabel('Warn at (%)').fill('80');
    await form.getByRole('button', { name: 'Save policy' }).click();
    await form.waitFor({ state: 'detached' });
    const row = policies.locator('tr', { has: page.locator('.badge', { hasText: 'High' }) });
    await row.getByText('Custom').waitFor();
    expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining(['20 min', '3 h', '80%']));
    await page.reload();
    await policies.locator('tr', { has: page.locator('.badge', { hasText: 'High' }) }).getByText('80%').waitFor();

    const report = page.getByRole('region', { name: 'SLA report' });
    await report.locator('p', { hasText: /^Attainment/ }).waitFor();
    await report.getByRole('table', { name: 'Attainment per target' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^sla-\d{4}-\d{2}\.csv$/);
    const path = await download.path();
    const csv = await readFile(path, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/,/);
    await screenshot(page, 'tenant-sla');
  });

  it('the customer reads the SLA settings without controls', async () => {
    const { page } = s;
    await signIn(page, ACME_ADMIN);
    await page.waitForURL(`**/tenants/${acmeId}`);
    await page.getByRole('link', { name: 'SLA', exact: true }).click();
    await page.getByRole('region', { name: 'Policies' }).getByText('Custom').waitFor();
    expect(await page.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
  });

  it('acme\'s audit chain verifies', async () => {
    const { page } = s;
    await signIn(page, PROVIDER_ADMIN);
    await page.waitForURL('**/alerts');
    await page.goto(`/tenants/${acmeId}/audit`);
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText(/^Chain intact: \d+ records? verified/).waitFor();
    await screenshot(page, 'audit-verified');
  });
});
