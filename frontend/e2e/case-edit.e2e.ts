// Editing a case and who did what, by name: the analyst edits a fresh acme case's title and
// severity (a required title first), and the timeline, comments and response actions name the
// analyst; acme's customer admin sees the analyst's name on the shared comment and the edit,
// gets no Edit button, and finds the edit in acme's audit log under the analyst's name.

import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { accessToken, graphql, raiseWhoamiAlerts, tenantIdBySlug } from './api';
import { openBrowser, screenshot, signIn, type Session } from './browser';
import { ACME_ADMIN, PROVIDER_ADMIN } from './env';

const ANALYST = 'analyst@garrison.local';
/** The demo analyst's display name. */
const ANALYST_NAME = 'Ada Analyst';

describe('editing a case, and names on what people wrote', () => {
  const baseUrl = inject('baseUrl');
  const stamp = Date.now().toString(36);
  const firstTitle = `Whoami on edit-host-${stamp}`;
  const newTitle = `Confirmed recon on edit-host-${stamp}`;
  const shared = `Shared note ${stamp}: the host is isolated`;
  const action = `Reset the password of edit-user-${stamp}`;
  let s: Session;
  let caseId = '';

  beforeAll(async () => {
    const adminToken = await accessToken(baseUrl, PROVIDER_ADMIN);
    const acmeId = await tenantIdBySlug(baseUrl, adminToken, 'acme');
    const [alertId] = await raiseWhoamiAlerts(baseUrl, adminToken, acmeId, [`edit-host-${stamp}`]);
    const analystToken = await accessToken(baseUrl, ANALYST);
    const data = await graphql<{ escalateAlerts: { id: string } }>(
      baseUrl,
      analystToken,
      'mutation($ids: [ID!]!, $title: String) { escalateAlerts(alertIds: $ids, title: $title) { id } }',
      { ids: [alertId], title: firstTitle },
    );
    caseId = data.escalateAlerts.id;
  });
  beforeEach(async () => {
    s = await openBrowser(baseUrl);
  });
  afterEach(async () => s.close());

  it('the analyst edits the title and severity, and the timeline names the analyst', async () => {
    const { page } = s;
    await signIn(page, ANALYST);
    await page.waitForURL('**/alerts');
    await page.goto(`/cases/${caseId}`);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.getByText(firstTitle).waitFor();

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /^Edit case #\d+$/ });
    await dialog.waitFor();
    // Keyboard first: the title has focus.
    expect(await dialog.getByLabel('Title').evaluate((el) => el === document.activeElement)).toBe(true);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByText('Nothing changed.').waitFor();
    await dialog.getByLabel('Title').fill('   ');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByText('Title: is required').waitFor();
    expect(await dialog.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');

    await dialog.getByLabel('Title').fill(newTitle);
    await dialog.getByLabel('Severity').selectOption('CRITICAL');
    await dialog.getByLabel('Tags').fill('Recon, e2e');
    await screenshot(page, 'case-edit-dialog');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await heading.getByText(newTitle).waitFor();
    await heading.locator('.badge', { hasText: 'Critical' }).waitFor();
    // Focus goes back to the button that opened the dialog.
    expect(await page.getByRole('button', { name: 'Edit', exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);

    const edit = page.locator('.timeline li', { hasText: `Title changed to “${newTitle}”` });
    await edit.waitFor();
    expect(await edit.textContent()).toMatch(/Severity changed from \w+ to critical/);
    expect(await edit.textContent()).toContain(`by ${ANALYST_NAME}`);
    await page.locator('dd', { hasText: 'recon, e2e' }).waitFor();

    await page.getByLabel('Shared with the customer').check();
    await page.getByLabel('Comment', { exact: true }).fill(shared);
    await page.getByRole('button', { name: 'Add shared comment' }).click();
    await page.locator('.comment.shared', { hasText: shared }).locator('.comment-meta', { hasText: ANALYST_NAME }).waitFor();

    await page.getByLabel('Proposed action').fill(action);
    await page.getByRole('button', { name: 'Propose action' }).click();
    await page.locator('.response-actions li', { hasText: action }).getByText(`proposed by ${ANALYST_NAME}`).waitFor();
    await screenshot(page, 'case-edited-names');
  });

  it('acme\'s customer admin sees the analyst\'s name on the shared comment and the edit, and cannot edit', async () => {
    expect(caseId).not.toBe('');
    const { page } = s;
    await signIn(page, ACME_ADMIN);
    await page.waitForURL('**/tenants/**');
    await page.goto(`/cases/${caseId}`);
    await page.getByRole('heading', { level: 1 }).getByText(newTitle).waitFor();
    const comment = page.locator('.comment.shared', { hasText: shared });
    expect(await comment.locator('.comment-meta').textContent()).toContain(ANALYST_NAME);
    await page.locator('.timeline li', { hasText: `Title changed to “${newTitle}”` }).getByText(ANALYST_NAME).waitFor();
    expect(await page.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);

    const item = page.locator('.response-actions li', { hasText: action });
    await item.getByRole('button', { name: 'Approve' }).click();
    await item.getByText(/decided by acme security lead/).waitFor();
    await screenshot(page, 'case-customer-names');

    // The audit log names the analyst too.
    await page.getByRole('link', { name: 'Our organization' }).click();
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(/\/tenants\/[^/]+\/audit$/);
    const row = page.locator('tbody tr', { hasText: 'case.edit' }).first();
    await row.waitFor();
    expect(await row.locator('td:nth-child(2)').textContent()).toContain(ANALYST_NAME);
    await screenshot(page, 'audit-actor-names');
  });
});
