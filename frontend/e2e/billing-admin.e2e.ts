// The provider admin's billing and notifications: the plan catalogue (field errors from the form
// and from the API, then a new plan, then its price edited), subscribing a tenant to it from a
// date, opening acme's account report to its customer admins, and notification endpoints: a
// provider-wide webhook whose signing secret is shown once, disabled and deleted; a tenant's
// endpoint sent a test event, with its delivery log.

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessToken, tenantIdBySlug } from './api';
import { openBrowser, screenshot, signIn, type Session } from './browser';
import { PROVIDER_ADMIN } from './env';

describe('the provider admin\'s billing and notifications', () => {
  const baseUrl = inject('baseUrl');
  const stamp = Date.now().toString(36);
  let s: Session;

  beforeAll(async () => {
    s = await openBrowser(baseUrl);
    await signIn(s.page, PROVIDER_ADMIN);
    await s.page.waitForURL('**/alerts');
  });
  afterAll(async () => s.close());

  it('lists the plans and creates one, after the form\'s and the API\'s objections', async () => {
    const { page } = s;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' }).click();
    await page.getByRole('heading', { name: 'Billing', level: 1 }).waitFor();
    const plans = page.getByRole('table', { name: 'Plans' });
    await plans.getByRole('rowheader', { name: 'Essentials' }).waitFor();
    expect(await plans.getByRole('rowheader').allTextContents()).toEqual(expect.arrayContaining(['Enterprise', 'Essentials', 'Professional']));

    const form = page.getByRole('form', { name: 'Create a plan' });
    await form.getByLabel('Base fee a month (USD)').fill('12.345');
    await form.getByRole('button', { name: 'Create plan' }).click();
    await form.getByText('Name: is required').waitFor();
    await form.getByText('Base fee a month (USD): takes at most 2 decimals').waitFor();

    await form.getByLabel('Name').fill('Essentials');
    await form.getByLabel('SLA tier').fill('bronze');
    await form.getByLabel('Base fee a month (USD)').fill('800');
    await form.getByLabel('Price per endpoint (USD)').fill('7.50');
    await form.getByLabel('Included GB a month').fill('25');
    await form.getByLabel('Price per GB over (USD)').fill('0.45');
    await form.getByRole('button', { name: 'Create plan' }).click();
    await form.getByText(/^Name: a plan named `Essentials` exists/).waitFor();

    await form.getByLabel('Name').fill(`Starter ${stamp}`);
    await form.getByRole('button', { name: 'Create plan' }).click();
    await page.getByText(`Created the plan Starter ${stamp}.`).waitFor();
    const row = plans.getByRole('row', { name: new RegExp(`Starter ${stamp}`) });
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual(['US$800.00', 'US$7.50', '25 GB', 'US$0.45', 'bronze', 'USD', `Edit Starter ${stamp}`]);
  });

  it('edits the new plan\'s price, sending only what changed', async () => {
    const { page } = s;
    const plans = page.getByRole('table', { name: 'Plans' });
    await plans.getByRole('button', { name: `Edit Starter ${stamp}` }).click();
    const form = page.getByRole('form', { name: `Edit plan Starter ${stamp}` });
    expect(await form.getByLabel('Base fee a month (USD)').inputValue()).toBe('800.00');
    expect(await form.getByLabel('Currency').getAttribute('readonly')).not.toBeNull();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByText('Nothing changed.').waitFor();

    await form.getByLabel('Base fee a month (USD)').fill('850.5');
    await form.getByLabel('Price per endpoint (USD)').fill('7.505');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByText('Price per endpoint (USD): takes at most 2 decimals').waitFor();
    await form.getByLabel('Price per endpoint (USD)').fill('7.50');
    expect(await form.getByText('Price per endpoint (USD): takes at most 2 decimals').count()).toBe(0);
    await screenshot(page, 'billing-plan-edit');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(`Saved the plan Starter ${stamp}.`).waitFor();
    expect(await page.getByRole('form', { name: `Edit plan Starter ${stamp}` }).count()).toBe(0);
    const row = plans.getByRole('row', { name: new RegExp(`Starter ${stamp}`) });
    await row.getByRole('cell', { name: 'US$850.50' }).waitFor();
    expect(await row.locator('td').allTextContents()).toEqual(['US$850.50', 'US$7.50', '25 GB', 'US$0.45', 'bronze', 'USD', `Edit Starter ${stamp}`]);
    await page.reload();
    await page.getByRole('table', { name: 'Plans' }).getByRole('row', { name: new RegExp(`Starter ${stamp}`) }).getByRole('cell', { name: 'US$850.50' }).waitFor();
  });

  it('subscribes a tenant to the new plan from a start date', async () => {
    const { page } = s;
    const form = page.getByRole('form', { name: 'Subscribe a tenant to a plan' });
    await form.getByRole('button', { name: 'Subscribe' }).click();
    await form.getByText('Tenant: choose a tenant').waitFor();
    await form.getByText('Plan: choose a plan').waitFor();

    await form.getByLabel('Tenant').selectOption({ label: 'Initech' });
    await form.getByText(/Now on Enterprise since \d{4}-\d{2}-01\./).waitFor();
    await form.getByLabel('Plan').selectOption({ label: `Starter ${stamp}` });
    const next = new Date();
    next.setDate(1);
    next.setMonth(next.getMonth() + 1);
    const startsOn = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-01`;
    expect(await form.getByLabel('Starts on').inputValue()).toBe(startsOn);
    await form.getByRole('button', { name: 'Subscribe' }).click();
    await form.getByText(`Initech is on Starter ${stamp} from ${startsOn}.`).waitFor();
    await form.getByText(new RegExp(`History: Enterprise from [0-9-]+, Starter ${stamp} from ${startsOn}\\.`)).waitFor();
    await screenshot(page, 'billing');
  });

  it('creates a provider-wide webhook, sees its secret once, disables and deletes it', async () => {
    const { page } = s;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notifications' }).click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    expect(await page.getByLabel('Endpoints of').inputValue()).toBe('');

    const form = page.getByRole('form', { name: 'Add an endpoint' });
    await form.getByLabel('URL').fill('hooks.example.com/x');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await form.getByText('Name: is required').waitFor();
    await form.getByText(/^URL: must be a URL/).waitFor();

    const name = `SOC hook ${stamp}`;
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('URL').fill('https://hooks.example.com/garrison');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    const secretBox = page.getByRole('region', { name: `Signing secret of “${name}”` });
    await secretBox.waitFor();
    expect(await secretBox.getByLabel('Signing secret').inputValue()).toMatch(/^whsec_/);
    const table = page.getByRole('table', { name: 'Notification endpoints' });
    const row = table.getByRole('row', { name: new RegExp(name) });
    await row.getByText('Enabled').waitFor();
    await screenshot(page, 'notifications');
    await secretBox.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.getByLabel('Signing secret').count()).toBe(0);

    await row.getByRole('button', { name: `Disable ${name}` }).click();
    await row.getByText('Disabled', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Delete' }).click();
    await row.getByRole('button', { name: `Confirm deleting ${name}` }).click();
    await expect.poll(() => table.getByRole('row', { name: new RegExp(name) }).count()).toBe(0);
  });

  it('adds an endpoint for acme and sends it a test event', async () => {
    const { page } = s;
    await page.getByLabel('Endpoints of').selectOption({ label: 'Acme Corporation' });
    await page.waitForURL((url) => url.searchParams.has('tenant'));
    const form = page.getByRole('form', { name: 'Add an endpoint' });
    const name = `Acme Slack ${stamp}`;
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Kind').selectOption('SLACK');
    await form.getByLabel('URL').fill('https://hooks.slack.example/services/T0/B0/x');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    const row = page.getByRole('table', { name: 'Notification endpoints' }).getByRole('row', { name: new RegExp(name) });
    await row.waitFor();
    // Slack endpoints are not signed, so there is no secret to show.
    expect(await page.getByLabel('Signing secret').count()).toBe(0);
    await row.getByRole('button', { name: `Send test to ${name}` }).click();
    await row.getByText('Test queued for delivery.').waitFor();
    await page.reload();
    await page.getByRole('table', { name: 'Notification endpoints' }).getByRole('row', { name: new RegExp(name) }).waitFor();

    // The delivery log: the queued test is attempted in the background (the made-up Slack host
    // does not answer), so refresh until the attempt is there.
    const toggle = page.getByRole('button', { name: `Deliveries of ${name}`, exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const log = page.getByRole('region', { name: `Deliveries of ${name}` });
    await log.waitFor();
    const table = log.getByRole('table', { name: `Delivery log of ${name}` });
    await expect
      .poll(
        async () => {
          if ((await table.count()) === 0) await log.getByRole('button', { name: `Refresh deliveries of ${name}` }).click();
          return table.count();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(1);
    const first = table.locator('tbody tr').first();
    expect(await first.locator('td').nth(1).textContent()).toBe('test');
    expect(await first.locator('td').nth(2).textContent()).toBe('1');
    expect(await table.locator('thead th').allTextContents()).toEqual(['Time', 'Event', 'Attempt', 'Status', 'Response code', 'Latency', 'Error']);
    await screenshot(page, 'notifications-delivery-log');
    await toggle.click();
    expect(await log.count()).toBe(0);
  });

  it('opens acme\'s account report to its customer admins, and closes it again', async () => {
    const { page } = s;
    const acmeId = await tenantIdBySlug(baseUrl, await accessToken(baseUrl, PROVIDER_ADMIN), 'acme');
    await page.goto(`/tenants/${acmeId}/report`);
    const access = page.getByRole('region', { name: 'Customer access' });
    const box = access.getByRole('checkbox', { name: 'Customer admins may read this report' });
    await box.waitFor();
    const before = await box.isChecked();
    await box.click();
    await access.getByText(before ? /can no longer read this report/ : /can now read this report/).waitFor();
    await expect.poll(() => box.isChecked()).toBe(!before);
    await screenshot(page, 'account-report-customer-access');
    await page.reload();
    await box.waitFor();
    expect(await box.isChecked()).toBe(!before);
    await box.click();
    await access.getByText(before ? /can now read this report/ : /can no longer read this report/).waitFor();
    await expect.poll(() => box.isChecked()).toBe(before);
  });
});
