/**
 * The real relay for e2e tests: `node server/main.mjs` with SERVICES=relay, SQLite in a temporary
 * directory, on a free loopback port. `stop()` and `start()` take it away and bring it back on the
 * same port with the same data (a network drop, as the members' browsers see it).
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
  /** Stops the relay process; its data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port, over the same data. */
  start(): Promise<void>;
  close(): Promise<void>;
}

async function startProcess(dataDir: string, port: number): Promise<{ child: ChildProcess; port: number }> {
  const child: ChildProcess = spawn(process.execPath, ['server/main.mjs'], {
    env: { ...process.env, SERVICES: 'relay', HOST: '127.0.0.1', PORT: String(port), RELAY_DATA_DIR: dataDir, LOG_INTERVAL_MS: '600000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const listening = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`relay exited (${code}) before listening:\n${output}`)));
  });
  return { child, port: listening };
}

export async function startRelayServer(): Promise<RelayProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cgp-relay-'));
  const first = await startProcess(dataDir, 0);
  const port = first.port;
  let server: { child: ChildProcess } | null = first;
  const stop = async () => {
    const child = server?.child;
    server = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  };
  return {
    url: `ws://127.0.0.1:${port}/relay`,
    dataDir,
    stop,
    async start() {
      if (!server) server = await startProcess(dataDir, port);
    },
    async close() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
