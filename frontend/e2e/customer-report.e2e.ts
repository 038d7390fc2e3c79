// Acme's account report shared with its customer admins: the provider admin turns
// "Customer admins may read this report" on, acme's customer admin finds "Report" among the
// organization's sections and reads usage and SLA without the provider's controls; the admin turns
// it off again, and the customer has no "Report" and is told the report is not shared. The setting
// is put back as it was, whatever happens.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { accessToken, graphql, tenantIdBySlug } from './api';
import { openBrowser, screenshot, signIn, type Session } from './browser';
import { ACME_ADMIN, PROVIDER_ADMIN } from './env';

describe('a customer admin reads their account report while the provider shares it', () => {
  const baseUrl = inject('baseUrl');
  let adminToken = '';
  let acmeId = '';
  let original: boolean | null = null;
  let s: Session;

  const setFlag = (enabled: boolean) =>
    graphql(baseUrl, adminToken, 'mutation ($t: ID!, $e: Boolean!) { setCustomerReports(tenantId: $t, enabled: $e) }', { t: acmeId, e: enabled });

  beforeAll(async () => {
    adminToken = await accessToken(baseUrl, PROVIDER_ADMIN);
    acmeId = await tenantIdBySlug(baseUrl, adminToken, 'acme');
    const data = await graphql<{ billingAccount: { customerReports: boolean } }>(
      baseUrl,
      adminToken,
      'query ($t: ID!) { billingAccount(tenantId: $t) { customerReports } }',
      { t: acmeId },
    );
    original = data.billingAccount.customerReports;
  });
  afterAll(async () => {
    if (original !== null) await setFlag(original);
  });
  beforeEach(async () => {
    s = await openBrowser(baseUrl);
  });
  afterEach(async () => s.close());

  /** The provider admin sets the checkbox on acme's report page, through the console. */
  async function adminSets(enabled: boolean) {
    const { page } = s;
    await signIn(page, PROVIDER_ADMIN);
    await page.waitForURL('**/alerts');
    await page.goto(`/tenants/${acmeId}/report`);
    const access = page.getByRole('region', { name: 'Customer access' });
    const box = access.getByRole('checkbox', { name: 'Customer admins may read this report' });
    await box.waitFor();
    if ((await box.isChecked()) !== enabled) {
      await box.click();
      await access.getByText(enabled ? /can now read this report/ : /can no longer read this report/).waitFor();
    }
    await expect.poll(() => box.isChecked()).toBe(enabled);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in**');
  }

  it('shared: the customer admin opens the report and reads usage and SLA, without provider controls', async () => {
    await adminSets(true);
    const { page } = s;
    await signIn(page, ACME_ADMIN);
    await page.waitForURL(`**/tenants/${acmeId}`);
    await page.getByRole('navigation', { name: 'Organization sections' }).getByRole('link', { name: 'Report' }).click();
    await page.waitForURL(`**/tenants/${acmeId}/report**`);
    await page.getByRole('heading', { name: /^Account report · /, level: 2 }).waitFor();

    const usage = page.getByRole('region', { name: 'Usage' });
    await usage.getByRole('group', { name: 'Events' }).waitFor();
    expect(await usage.locator('figure figcaption').allTextContents()).toEqual(['Events per day', 'GB per day', 'Endpoints per day']);
    const sla = page.getByRole('region', { name: 'SLA' });
    await sla.getByRole('group', { name: 'MTTA' }).waitFor();
    await sla.getByRole('group', { name: 'MTTR' }).waitFor();
    await sla.getByRole('group', { name: 'Breaches' }).waitFor();
    await page.getByRole('region', { name: 'Invoices' }).waitFor();

    // None of the provider's controls: no customer-access switch, no portfolio or billing.
    expect(await page.getByRole('region', { name: 'Customer access' }).count()).toBe(0);
    expect(await page.getByRole('checkbox').count()).toBe(0);
    const main = page.getByRole('navigation', { name: 'Main' });
    expect(await main.getByRole('link', { name: 'Portfolio' }).count()).toBe(0);
    expect(await main.getByRole('link', { name: 'Billing' }).count()).toBe(0);
    await screenshot(page, 'customer-account-report');
  });

  it('not shared: the customer admin has no "Report" and its address says it is not shared', async () => {
    await adminSets(false);
    const { page } = s;
    await signIn(page, ACME_ADMIN);
    await page.waitForURL(`**/tenants/${acmeId}`);
    const sections = page.getByRole('navigation', { name: 'Organization sections' });
    await sections.getByRole('link', { name: 'SLA' }).waitFor();
    expect(await sections.getByRole('link', { name: 'Report' }).count()).toBe(0);

    await page.goto(`/tenants/${acmeId}/report`);
    await page.getByText('Your provider has not shared account reports with your organization.').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Usage' }).count()).toBe(0);
    await screenshot(page, 'customer-account-report-not-shared');
  });
});
