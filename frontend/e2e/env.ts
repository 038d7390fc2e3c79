// Where the browser tests find their tools, and the demo data they rely on.

import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const FRONTEND_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST_DIR = path.join(FRONTEND_DIR, 'dist');
export const SCREENSHOT_DIR = path.join(FRONTEND_DIR, 'test-results', 'screenshots');

export const GARRISON_BIN = process.env.GARRISON_BIN ?? '/var/tmp/garrison-target/debug/garrison';
/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `garrison demo` seeds every demo account with this password. */
export const DEMO_PASSWORD = 'garrison-demo-2026';
export const PROVIDER_ADMIN = 'admin@garrison.local';
export const ACME_ADMIN = 'admin@acme.example';
