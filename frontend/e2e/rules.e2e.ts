// Detection tuning by the provider admin: imports a small pack from files (a broken file is
// rejected by name), imports its next version, enables it for acme, switches a rule off, sets
// its severity and adds an exception (after a field error for a bad snippet). The analyst reads
// acme's rules without controls.

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessToken, tenantIdBySlug } from './api';
import { openBrowser, screenshot, signIn, type Session } from './browser';
import { PROVIDER_ADMIN } from './env';

const RULE_ID = '6c1e0a3e-5b0f-4d7e-9a51-0e2e5e7a0001';
const TITLE = 'E2E Certutil Download';

function rule(level: string): string {
  return `title: ${TITLE}
id: ${RULE_ID}
status: test
description: certutil.exe fetching a URL, a common living-off-the-land download.
tags:
    - attack.command_and_control
    - attack.t1105
logsource:
    product: windows
    category: process_creation
detection:
    selection:
        Image|endswith: '\\certutil.exe'
        CommandLine|contains: 'urlcache'
    condition: selection
level: ${level}
`;
}

const yaml = (name: string, text: string) => ({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });

describe('rule packs and tuning', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;
  let acmeId = '';

  beforeAll(async () => {
    const token = await accessToken(baseUrl, PROVIDER_ADMIN);
    acmeId = await tenantIdBySlug(baseUrl, token, 'acme');
    s = await openBrowser(baseUrl);
    await signIn(s.page, PROVIDER_ADMIN);
    await s.page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
  });
  afterAll(async () => s.close());

  it('imports a pack from files, with the broken one rejected by name', async () => {
    const { page } = s;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rules' }).click();
    await page.getByRole('heading', { name: 'Rules', level: 1 }).waitFor();
    await page.getByRole('heading', { name: /garrison-essentials/ }).waitFor();
    await page.getByLabel('Pack name').fill('e2e-pack');
    await page.getByLabel('Rule files').setInputFiles([yaml('certutil.yml', rule('high')), yaml('broken.yml', 'title: [unterminated\n')]);
    await page.getByText('2 picked.').waitFor();
    await page.getByRole('button', { name: 'Import pack' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Imported e2e-pack version 1: 1 rules.' });
    await status.waitFor();
    await status.getByRole('cell', { name: 'broken.yml' }).waitFor();
    expect(await page.getByLabel('Rule files').inputValue()).toBe('');

    const pack = page.getByRole('region', { name: /e2e-pack/ });
    await pack.getByRole('heading', { name: 'e2e-pack version 1' }).waitFor();
    await pack.getByRole('button', { name: 'Show changes of e2e-pack version 1' }).click();
    const changes = pack.getByRole('region', { name: 'Version 1 changes' });
    await changes.getByText('Added: 1').waitFor();
    await changes.getByText('Rejected files (1)').waitFor();
  });

  it('imports the next version, which reports the changed rule', async () => {
    const { page } = s;
    await page.getByLabel('Pack name').fill('e2e-pack');
    await page.getByLabel('Rule files').setInputFiles([yaml('certutil.yml', rule('critical'))]);
    await page.getByRole('button', { name: 'Import pack' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported e2e-pack version 2: 1 rules.' }).waitFor();
    const pack = page.getByRole('region', { name: /e2e-pack/ });
    await pack.getByRole('heading', { name: 'e2e-pack version 2' }).waitFor();
    expect(await pack.locator('table.versions > tbody > tr:not(.detail-row)').count()).toBe(2);
    await pack.getByRole('button', { name: 'Show changes of e2e-pack version 2' }).click();
    await pack.getByRole('region', { name: 'Version 2 changes' }).getByText('Changed: 1').waitFor();
    await screenshot(page, 'rule-packs');
  });

  it('enables the pack for acme, switches its rule off, changes its severity and adds an exception', async () => {
    const { page } = s;
    await page.goto(`/tenants/${acmeId}/rules`);
    await page.getByRole('heading', { name: /Acme/, level: 1 }).waitFor();
    const run = page.getByRole('checkbox', { name: 'Run e2e-pack for Acme Corporation' });
    await run.waitFor();
    expect(await run.isChecked()).toBe(false);
    await run.click();
    await page.getByRole('checkbox', { name: 'Run e2e-pack for Acme Corporation', checked: true }).waitFor();

    await page.getByLabel('Search rules').fill('certutil');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('Showing 1 of 1 rules').waitFor();
    const row = page.locator('table.rules tbody tr', { hasText: TITLE });
    await page.getByRole('checkbox', { name: `Run ${TITLE}`, checked: true }).waitFor();
    expect(await page.getByLabel(`Severity of ${TITLE}`).inputValue()).toBe('CRITICAL');

    await page.getByRole('checkbox', { name: `Run ${TITLE}` }).click();
    await page.getByRole('checkbox', { name: `Run ${TITLE}`, checked: false }).waitFor();
    await row.getByText('overridden').waitFor();
    await page.getByLabel(`Severity of ${TITLE}`).selectOption('MEDIUM');
    await page.waitForFunction(
      (title) => (document.querySelector(`select[aria-label="Severity of ${title}"]`) as HTMLSelectElement | null)?.value === 'MEDIUM',
      TITLE,
    );
    // The level change kept the rule off.
    expect(await page.getByRole('checkbox', { name: `Run ${TITLE}` }).isChecked()).toBe(false);
    await page.getByRole('combobox', { name: 'Running' }).selectOption('off');
    await page.getByText('Showing 1 of 1 rules').waitFor();

    await page.getByRole('button', { name: `Exceptions (0) of ${TITLE}` }).click();
    const exceptions = page.getByRole('region', { name: `Exceptions of ${TITLE}` });
    const box = exceptions.getByLabel('Exception filter');
    await box.fill('selection: [unclosed');
    await exceptions.getByRole('button', { name: 'Add exception' }).click();
    await exceptions.locator('.field-error', { hasText: 'Exception filter: not YAML' }).waitFor();
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    await box.fill("selection:\n  User: 'CORP\\svc-deploy'");
    await exceptions.getByRole('button', { name: 'Add exception' }).click();
    await page.getByRole('button', { name: `Exceptions (1) of ${TITLE}` }).waitFor();
    await exceptions.locator('pre', { hasText: "User: 'CORP\\svc-deploy'" }).waitFor();
    expect(await box.getAttribute('aria-invalid')).toBeNull();
    await screenshot(page, 'tenant-rules');
  });

  it('sets a placeholder for acme', async () => {
    const { page } = s;
    await page.getByLabel('Placeholder name').fill('admin_hosts');
    await page.getByLabel('Values').fill('jump-01\njump-02\n');
    await page.getByRole('button', { name: 'Save placeholder' }).click();
    const row = page.locator('tr', { hasText: '%admin_hosts%' });
    await row.getByText('jump-02').waitFor();
    expect(await page.getByLabel('Placeholder name').inputValue()).toBe('');
  });

  it('the analyst reads acme\'s rules without controls', async () => {
    const analyst = await openBrowser(baseUrl);
    try {
      const { page } = analyst;
      await signIn(page, 'analyst@garrison.local');
      await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
      await page.goto(`/tenants/${acmeId}/rules`);
      await page.getByText(/Showing \d+ of \d+ rules/).waitFor();
      await page.getByRole('cell', { name: 'e2e-pack' }).first().waitFor();
      expect(await page.getByRole('checkbox').count()).toBe(0);
      expect(await page.getByRole('combobox', { name: /Severity of/ }).count()).toBe(0);
      await page.getByRole('button', { name: `Exceptions (1) of ${TITLE}` }).click();
      await page.getByRole('region', { name: `Exceptions of ${TITLE}` }).locator('pre').waitFor();
      expect(await page.getByLabel('Exception filter').count()).toBe(0);
      expect(await page.getByRole('button', { name: /Remove exception/ }).count()).toBe(0);
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rules' }).count()).toBe(0);
      await page.goto('/rules');
      await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
    } finally {
      await analyst.close();
    }
  });
});
