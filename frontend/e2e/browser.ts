// Chromium through playwright-core, one fresh profile per test, plus the steps most tests share.

import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, DEMO_PASSWORD, SCREENSHOT_DIR } from './env';

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Closes the browser; fails if any page threw an uncaught exception meanwhile. */
  close: () => Promise<void>;
}

export async function openBrowser(baseUrl: string): Promise<Session> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'garrison-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    baseURL: baseUrl,
    viewport: { width: 1280, height: 860 },
    timezoneId: 'Europe/Berlin',
    locale: 'en-GB',
  });
  // Fail within seconds rather than at the test timeout: every step here is local and quick.
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const uncaught: string[] = [];
  context.on('weberror', (e) => uncaught.push(e.error().message));
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
      if (uncaught.length > 0) throw new Error(`uncaught errors in the console app:\n${uncaught.join('\n')}`);
    },
  };
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
