// The real garrison binary with demo data, on a free loopback port and a fresh data dir.

import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DIST_DIR, GARRISON_BIN } from './env';

const run = promisify(execFile);

export interface RunningServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitReady(baseUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`garrison exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`garrison did not become ready in 30 s:\n${log()}`);
}

/** Starts a server; `extraConfig` is appended to its TOML (e.g. an `[auth]` table). */
export async function startGarrison(extraConfig = ''): Promise<RunningServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'garrison-e2e-'));
  // Syslog listeners off: their fixed default port would collide between test servers.
  const env = { ...process.env, GARRISON_DATA_DIR: dataDir, GARRISON_LOG: 'warn', GARRISON_SYSLOG_ADDR: 'off' };
  await run(GARRISON_BIN, ['demo'], { env });
  const config = path.join(dataDir, 'garrison.toml');
  await writeFile(config, `[http]\nconsole_dir = ${JSON.stringify(DIST_DIR)}\n${extraConfig}`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(GARRISON_BIN, ['serve', '--config', config], {
    env: { ...env, GARRISON_HTTP_ADDR: `127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitReady(baseUrl, child, () => output);

  return {
    baseUrl,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
