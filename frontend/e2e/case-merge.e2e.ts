// Case merge end to end: the analyst merges one demo case of acme into another from the target's
// page; the picker offers only acme's other open cases; the target then names and links the merged
// case, and the merged case shows as closed and merged, linked back to its target. Acme's customer
// admin gets no merge control.

import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { accessToken, graphql, tenantIdBySlug } from './api';
import { openBrowser, screenshot, signIn, type Session } from './browser';
import { ACME_ADMIN, PROVIDER_ADMIN } from './env';

const ANALYST = 'analyst@garrison.local';
// Two of the cases `garrison demo` opens in every demo tenant.
const TARGET_TITLE = 'Shadow File Read Through Sudo';
const SOURCE_TITLE = 'Invoice email with a macro attachment';

interface OpenCase {
  id: string;
  number: number;
  title: string;
}

describe('case merge', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;
  let open: OpenCase[] = [];
  let target: OpenCase;
  let source: OpenCase;

  beforeAll(async () => {
    const adminToken = await accessToken(baseUrl, PROVIDER_ADMIN);
    const acmeId = await tenantIdBySlug(baseUrl, adminToken, 'acme');
    const data = await graphql<{ cases: { edges: Array<{ node: OpenCase }> } }>(
      baseUrl,
      await accessToken(baseUrl, ANALYST),
      'query($t: [ID!]) { cases(first: 100, filter: { tenantIds: $t, openOnly: true }) { edges { node { id number title } } } }',
      { t: [acmeId] },
    );
    open = data.cases.edges.map((e) => e.node);
    const byTitle = (title: string) => {
      const found = open.find((c) => c.title === title);
      if (found === undefined) throw new Error(`the demo left no open acme case "${title}"`);
      return found;
    };
    target = byTitle(TARGET_TITLE);
    source = byTitle(SOURCE_TITLE);
  });
  beforeEach(async () => {
    s = await openBrowser(baseUrl);
  });
  afterEach(async () => s.close());

  it('the analyst merges a demo case into another; the merged case links to its target', async () => {
    const { page } = s;
    await signIn(page, ANALYST);
    await page.waitForURL('**/alerts');
    await page.goto(`/cases/${target.id}`);
    await page.getByRole('heading', { level: 1 }).getByText(TARGET_TITLE).waitFor();

    await page.getByRole('button', { name: 'Merge other cases…' }).click();
    const dialog = page.getByRole('dialog', { name: `Merge cases into #${target.number}` });
    await dialog.getByRole('checkbox').first().waitFor();
    // Acme's other open cases only: globex's demo cases share the titles but are not offered.
    const offered = (await dialog.locator('label.choice').allTextContents()).sort();
    const expected = open.filter((c) => c.id !== target.id).map((c) => `#${c.number} ${c.title}`).sort();
    expect(offered).toEqual(expected);
    expect(await dialog.getByRole('button', { name: 'Merge', exact: true }).isDisabled()).toBe(true);

    await dialog.getByLabel(`#${source.number} ${SOURCE_TITLE}`).check();
    await dialog.getByText(`#${source.number} ${SOURCE_TITLE} moves into #${target.number}`).waitFor();
    await screenshot(page, 'case-merge-dialog');
    await dialog.getByRole('button', { name: 'Merge 1 case' }).click();
    await dialog.waitFor({ state: 'detached' });

    const result = page.getByRole('status').filter({ hasText: 'Merged into this case:' });
    await result.getByRole('link', { name: `#${source.number} ${SOURCE_TITLE}` }).waitFor();
    await page.locator('.timeline li', { hasText: `Case(s) #${source.number} merged into this one` }).waitFor();
    await screenshot(page, 'case-merge');

    await result.getByRole('link', { name: `#${source.number} ${SOURCE_TITLE}` }).click();
    await page.waitForURL(`**/cases/${source.id}`);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.getByText(SOURCE_TITLE).waitFor();
    await heading.locator('.badge', { hasText: 'Closed' }).waitFor();
    const note = page.getByRole('note').filter({ hasText: 'Merged into' });
    await note.getByRole('link', { name: `#${target.number} ${TARGET_TITLE}` }).waitFor();
    await page.locator('.timeline li', { hasText: `Merged into case #${target.number}` }).waitFor();
    // A merged case takes no merges itself.
    expect(await page.getByRole('button', { name: 'Merge other cases…' }).count()).toBe(0);
    await screenshot(page, 'case-merged-source');

    await note.getByRole('link', { name: `#${target.number} ${TARGET_TITLE}` }).click();
    await page.waitForURL(`**/cases/${target.id}`);
    await heading.getByText(TARGET_TITLE).waitFor();
  });

  it('acme\'s customer admin is offered no merge', async () => {
    const { page } = s;
    await signIn(page, ACME_ADMIN);
    await page.waitForURL('**/tenants/**');
    await page.goto(`/cases/${target.id}`);
    await page.getByRole('heading', { level: 1 }).getByText(TARGET_TITLE).waitFor();
    await page.getByText(`Case(s) #${source.number} merged into this one`).waitFor();
    expect(await page.getByRole('button', { name: 'Merge other cases…' }).count()).toBe(0);
  });
});
