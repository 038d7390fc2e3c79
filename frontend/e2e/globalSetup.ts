// One server for the whole browser suite; every test file reads its URL with inject('baseUrl').

import { access } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { DIST_DIR, GARRISON_BIN } from './env';
import { startGarrison } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await access(GARRISON_BIN).catch(() => {
    throw new Error(`GARRISON_BIN=${GARRISON_BIN} does not exist: build the gateway first (cargo build -p garrison-gateway)`);
  });
  await access(path.join(DIST_DIR, 'index.html')).catch(() => {
    throw new Error(`${DIST_DIR} has no build: run npm run build first`);
  });
  const server = await startGarrison();
  project.provide('baseUrl', server.baseUrl);
  return () => server.stop();
}
