// Cases end to end: the analyst escalates a fresh alert to a new case, works it (status,
// internal and shared comments, a task, an observable, a proposed action); acme's customer
// admin sees only acme's cases and only the shared comment, approves the action and comments;
// the analyst waits on the customer (a reason is required) and resolves the case; a second
// alert joins the case from the queue.

import { readFile } from 'node:fs/promises';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { accessToken, graphql, raiseWhoamiAlerts, tenantIdBySlug } from './api';
import { openBrowser, screenshot, signIn, type Session } from './browser';
import { ACME_ADMIN, PROVIDER_ADMIN } from './env';

const ANALYST = 'analyst@garrison.local';

describe('cases', () => {
  const baseUrl = inject('baseUrl');
  const stamp = Date.now().toString(36);
  const title = `Whoami on case-host-${stamp}`;
  const internal = `Internal note ${stamp}: the host belongs to the finance team`;
  const shared = `Shared update ${stamp}: we are isolating the host`;
  const action = `Isolate case-host-${stamp} from the network`;
  let s: Session;
  let adminToken = '';
  let acmeId = '';
  let caseUrl = '';

  beforeAll(async () => {
    adminToken = await accessToken(baseUrl, PROVIDER_ADMIN);
    acmeId = await tenantIdBySlug(baseUrl, adminToken, 'acme');
  });
  beforeEach(async () => {
    s = await openBrowser(baseUrl);
  });
  afterEach(async () => s.close());

  it('the analyst escalates an alert to a new case and works it', async () => {
    const [alertId] = await raiseWhoamiAlerts(baseUrl, adminToken, acmeId, [`case-host-${stamp}`]);
    const { page } = s;
    await signIn(page, ANALYST);
    await page.waitForURL('**/alerts');
    await page.goto(`/alerts/${alertId}`);
    await page.getByRole('button', { name: 'Escalate…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Escalate alert' });
    await dialog.getByLabel('Case title (optional)').fill(title);
    await dialog.getByRole('button', { name: 'Escalate to new case' }).click();
    await page.waitForURL(/\/cases\/[^/?]+$/);
    caseUrl = new URL(page.url()).pathname;
    const heading = page.getByRole('heading', { level: 1 });
    await heading.getByText(title).waitFor();
    await page.getByRole('region', { name: 'Linked alerts' }).getByRole('link').first().waitFor();

    // Only the allowed transitions are offered.
    const options = await page.getByLabel('Move to').locator('option').allTextContents();
    expect(options).toEqual(['Choose a status…', 'Acknowledged', 'Investigating', 'Waiting on customer', 'Resolved']);
    await page.getByLabel('Move to').selectOption({ label: 'Investigating' });
    await page.getByRole('button', { name: 'Change status' }).click();
    await heading.locator('.badge', { hasText: 'Investigating' }).waitFor();

    await page.getByLabel('Internal comment').fill(internal);
    await page.getByRole('button', { name: 'Add internal comment' }).click();
    const internalItem = page.locator('.comment.internal', { hasText: internal });
    await internalItem.getByText('Internal', { exact: true }).waitFor();

    await page.getByLabel('Shared with the customer').check();
    await page.getByLabel('Comment', { exact: true }).fill(shared);
    await page.getByRole('button', { name: 'Add shared comment' }).click();
    await page.locator('.comment.shared', { hasText: shared }).waitFor();

    await page.getByLabel('New task').fill('Collect a memory image');
    await page.getByRole('button', { name: 'Add task' }).click();
    await page.getByRole('button', { name: 'Mark "Collect a memory image" done' }).click();
    await page.locator('.tasks .done', { hasText: 'Collect a memory image' }).waitFor();

    await page.getByLabel('Kind').selectOption('HOST');
    await page.getByLabel('Value').fill(`case-host-${stamp}`);
    await page.getByLabel('Indicator of compromise').check();
    await page.getByRole('button', { name: 'Add observable' }).click();
    const observables = page.getByRole('region', { name: 'Observables' });
    await observables.getByRole('cell', { name: `case-host-${stamp}` }).waitFor();

    await page.getByLabel('Proposed action').fill(action);
    await page.getByRole('button', { name: 'Propose action' }).click();
    await page.locator('.response-actions li', { hasText: action }).getByText('Awaiting decision').waitFor();

    await page.getByLabel('What happened').fill('User confirmed they did not run whoami');
    await page.getByRole('button', { name: 'Record event' }).click();
    await page.locator('.timeline li', { hasText: 'User confirmed they did not run whoami' }).waitFor();

    const attachments = page.getByRole('region', { name: 'Attachments' });
    await attachments.getByLabel('File').setInputFiles({ name: `notes-${stamp}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`notes ${stamp}\n`) });
    await attachments.getByLabel('Visibility').selectOption('SHARED');
    await attachments.getByRole('button', { name: 'Upload' }).click();
    await attachments.getByRole('button', { name: `notes-${stamp}.txt` }).waitFor();
    await screenshot(page, 'case-analyst');
  });

  it('acme\'s customer admin sees acme\'s cases only, the shared comment but never the internal one, and decides the action', async () => {
    expect(caseUrl).not.toBe('');
    const { page } = s;
    await signIn(page, ACME_ADMIN);
    await page.waitForURL('**/tenants/**');
    await page.goto('/cases?status=all');
    await page.getByText(/^\d+ of \d+ cases$/).waitFor();
    const tenants = new Set(await page.locator('table.cases tbody tr td:nth-child(2)').allTextContents());
    expect([...tenants]).toEqual(['Acme Corporation']);
    // No tenant picker for a customer.
    expect(await page.getByLabel('Tenant').count()).toBe(0);
    await screenshot(page, 'cases-customer');

    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(`**${caseUrl}`);
    await page.getByText(shared).waitFor();
    expect(await page.getByText(internal).count()).toBe(0);
    expect(await page.getByText('Internal', { exact: true }).count()).toBe(0);
    // No staff controls.
    expect(await page.getByLabel('Move to').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Tasks' }).count()).toBe(0);
    expect(await page.getByLabel('Proposed action').count()).toBe(0);

    // The shared attachment downloads with the customer's token.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `notes-${stamp}.txt` }).click()]);
    expect(download.suggestedFilename()).toBe(`notes-${stamp}.txt`);
    expect(await readFile(await download.path(), 'utf8')).toBe(`notes ${stamp}\n`);

    const item = page.locator('.response-actions li', { hasText: action });
    await item.getByLabel('Decision comment').fill('Approved, go ahead');
    await item.getByRole('button', { name: 'Approve' }).click();
    await item.getByText('Approved', { exact: true }).waitFor();
    await page.getByText('“Approved, go ahead”').waitFor();

    await page.getByLabel('Comment', { exact: true }).fill('Thanks, the user is informed.');
    await page.getByRole('button', { name: 'Add shared comment' }).click();
    await page.locator('.comment.shared', { hasText: 'Thanks, the user is informed.' }).waitFor();
    await screenshot(page, 'case-customer');
  });

  it('the analyst waits on the customer (a reason is required) and resolves', async () => {
    const { page } = s;
    await signIn(page, ANALYST);
    await page.waitForURL('**/alerts');
    await page.goto(caseUrl);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.getByText(title).waitFor();
    await page.getByText('Thanks, the user is informed.').waitFor();
    await page.getByLabel('Move to').selectOption({ label: 'Waiting on customer' });
    await page.getByRole('button', { name: 'Change status' }).click();
    await page.getByText('Status: a reason is required to wait on the customer').waitFor();
    await page.getByLabel('Reason (shown to the customer)').fill('Please confirm the host is back on the network');
    await page.getByRole('button', { name: 'Change status' }).click();
    await heading.locator('.badge', { hasText: 'Waiting on customer' }).waitFor();
    await page.getByText('Waiting on the customer: Please confirm the host is back on the network').waitFor();
    await page.locator('.sla-clocks').getByText(/paused/).first().waitFor();
    await screenshot(page, 'case-waiting');

    await page.getByLabel('Move to').selectOption({ label: 'Resolved' });
    await page.getByRole('button', { name: 'Change status' }).click();
    await heading.locator('.badge', { hasText: 'Resolved' }).waitFor();
  });

  it('the case list keeps its filters in the URL, and a second alert joins the case from the queue', async () => {
    const { page } = s;
    const host = `case-join-${stamp}`;
    const [alertId] = await raiseWhoamiAlerts(baseUrl, adminToken, acmeId, [host]);
    await signIn(page, ANALYST);
    await page.waitForURL('**/alerts');
    await page.goto('/cases?status=all');
    await page.getByText(/^\d+ of \d+ cases$/).waitFor();
    await page.getByLabel('Tenant').selectOption({ label: 'Acme Corporation' });
    await page.waitForURL((url) => url.searchParams.get('tenant') === acmeId);
    await page.getByLabel('Title contains').fill(`case-host-${stamp}`);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === `case-host-${stamp}`);
    await page.getByText('1 of 1 case').waitFor();
    await page.reload();
    await page.getByText('1 of 1 case').waitFor();
    await page.getByRole('link', { name: title }).waitFor();
    // "Assigned to me": a case handed to the analyst is listed, one left unassigned is not, and
    // the filter stays in the URL.
    const analystToken = await accessToken(baseUrl, ANALYST);
    const me = await graphql<{ me: { id: string } }>(baseUrl, analystToken, '{ me { id } }');
    const makeCase = async (t: string, severity = 'LOW') =>
      (await graphql<{ createCase: { id: string } }>(baseUrl, analystToken, 'mutation ($i: CreateCaseInput!) { createCase(input: $i) { id } }', {
        i: { tenantId: acmeId, title: t, severity },
      })).createCase.id;
    // The oldest of the three is the most severe, so the two orders differ.
    await makeCase(`crit-${stamp}`, 'CRITICAL');
    const mineId = await makeCase(`mine-${stamp}`);
    await makeCase(`nobody-${stamp}`);
    await graphql(baseUrl, analystToken, 'mutation ($id: ID!, $u: ID) { assignCase(id: $id, userId: $u) { id } }', { id: mineId, u: me.me.id });
    await page.goto(`/cases?q=${stamp}`);
    await page.getByText(/^3 of 3 cases$/).waitFor();
    const firstRow = async () => (await page.getByRole('table').locator('tbody tr').first().textContent()) ?? '';
    expect(await firstRow()).toContain(`nobody-${stamp}`);
    await page.getByLabel('Order').selectOption({ label: 'Most severe first' });
    await page.waitForURL((url) => url.searchParams.get('order') === 'severity');
    await page.getByRole('link', { name: `crit-${stamp}` }).waitFor();
    await expect.poll(firstRow).toContain(`crit-${stamp}`);
    await page.getByLabel('Order').selectOption({ label: 'Newest first' });
    await page.waitForURL((url) => !url.searchParams.has('order'));
    // The box is controlled by the URL: it shows checked once the navigation it starts
    // has landed, so wait for that rather than for the click to flip it at once.
    await page.getByLabel('Assigned to me').click();
    await page.waitForURL((url) => url.searchParams.get('mine') === '1');
    await expect.poll(() => page.getByLabel('Assigned to me').isChecked()).toBe(true);
    await page.getByText('1 of 1 case').waitFor();
    await page.reload();
    expect(await page.getByLabel('Assigned to me').isChecked()).toBe(true);
    await page.getByRole('link', { name: `mine-${stamp}` }).waitFor();
    expect(await page.getByRole('table').locator('tbody tr td:nth-child(6)').allTextContents()).toEqual(['You']);
    await page.goto('/cases');
    await page.getByText(/^\d+ of \d+ cases$/).waitFor();
    await screenshot(page, 'cases-list');

    // The resolved case is not open, so the second alert goes into another open acme case.
    await page.goto('/alerts');
    await page.locator(`tr[data-alert-id="${alertId}"]`).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Escalate selected…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Escalate alert' });
    await dialog.getByLabel('An existing open case').check();
    const picker = dialog.getByLabel('Case', { exact: true });
    const choices = (await picker.locator('option').allTextContents()).slice(1);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.some((c) => c.includes(title))).toBe(false);
    await picker.selectOption({ index: 1 });
    await dialog.getByRole('button', { name: 'Add to case' }).click();
    await page.waitForURL(/\/cases\/[^/?]+$/);
    await page.getByRole('region', { name: 'Linked alerts' }).getByRole('link').first().waitFor();
  });
});
