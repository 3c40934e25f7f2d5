/**
 * Harness for the relay's tests: the real server process (SERVICES=relay) on SQLite in a temporary
 * directory or on a real PostgreSQL started here, as the `postgres` user (PostgreSQL refuses to run
 * as root) in a temporary directory, on a free loopback port.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { requireProgram } from '../../../scripts/system-deps.mjs';
import { freePort, startSignalServer, stopAll, waitFor, type SignalServer } from './helpers.ts';

export interface RelayHealth {
  status: string;
  relay: { connections: number; rooms: number; queuedBytes: number; store: string; storeState: string; backplane: string };
}

export interface RelayServer extends Omit<SignalServer, 'health'> {
  /** The parsed /health body (throws unless the status is 200). */
  health(): Promise<RelayHealth>;
  /** ws://…/relay */
  relayUrl: string;
  /** SIGKILL: no shutdown, no flush. */
  kill(): Promise<void>;
}

/** Starts `node server/main.mjs` with SERVICES=relay and `env`. */
export async function startRelay(env: Record<string, string>): Promise<RelayServer> {
  const server = await startSignalServer({ SERVICES: 'relay', LOG_INTERVAL_MS: '200', ...env });
  return {
    ...server,
    health: () => server.health() as unknown as Promise<RelayHealth>,
    relayUrl: `${server.wsUrl}/relay`,
    async kill() {
      try {
        process.kill(server.pid, 'SIGKILL');
      } catch {
        return;
      }
      await waitFor(() => !server.alive(), 5_000, 'relay to die');
    },
  };
}

/** A temporary directory removed by `cleanup`. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Postgres {
  /** postgres://postgres@127.0.0.1:<port>/<db> for a database created by `createDatabase` */
  urlFor(db: string): string;
  createDatabase(name: string): Promise<string>;
  /** pg_dump of a database, as SQL text. */
  dump(db: string): string;
  /** Stops the server (fast, as a crash would), keeping its data; `resume` starts it again. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

/** initdb + pg_ctl start a throwaway cluster on a free loopback port (trust auth, loopback only). */
export async function startPostgres(): Promise<Postgres> {
  const bin = requireProgram('postgres');
  const root = mkdtempSync(path.join(tmpdir(), 'relay-pg-'));
  chmodSync(root, 0o777);
  const data = path.join(root, 'data');
  const port = await freePort();
  const asPostgres = (program: string, args: string[]) =>
    execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: root }).toString();
  asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const start = () => asPostgres('pg_ctl', ['-D', data, '-l', path.join(root, 'log'), '-w', '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${root} -c max_connections=200`, 'start']);
  start();
  const urlFor = (db: string) => `postgres://postgres@127.0.0.1:${port}/${db}`;
  return {
    urlFor,
    async createDatabase(name) {
      asPostgres('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
      return urlFor(name);
    },
    dump: (db) => asPostgres('pg_dump', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', db]),
    pause: () => void asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    resume: () => void start(),
    async stop() {
      try {
        asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}


/**
 * For a test file: one PostgreSQL cluster and one temporary directory, started before its tests
 * and removed after them (with every server process the file started).
 */
export function withPostgresAndDir(prefix: string): { postgres: () => Postgres; dir: string } {
  let postgres: Postgres | undefined;
  const temp = tempDir(prefix);
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await stopAll();
    await postgres?.stop();
    temp.cleanup();
  });
  return { postgres: () => postgres!, dir: temp.dir };
}
