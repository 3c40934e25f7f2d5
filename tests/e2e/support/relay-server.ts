/**
 * The real relay for e2e tests: `node server/main.mjs` with SERVICES=relay, SQLite in a temporary
 * directory, on a free loopback port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RelayProcess {
  /** ws://127.0.0.1:<port>/relay */
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

export async function startRelayServer(): Promise<RelayProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cgp-relay-'));
  const child: ChildProcess = spawn(process.execPath, ['server/main.mjs'], {
    env: { ...process.env, SERVICES: 'relay', HOST: '127.0.0.1', PORT: '0', RELAY_DATA_DIR: dataDir, LOG_INTERVAL_MS: '600000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`relay exited (${code}) before listening:\n${output}`)));
  });
  return {
    url: `ws://127.0.0.1:${port}/relay`,
    dataDir,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
