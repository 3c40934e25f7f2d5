/**
 * Test harness for the signaling server: real processes on 127.0.0.1 with ephemeral ports, real
 * `ws` clients, and a real redis-server. Every process started here is registered so that
 * `stopAll()` (called from afterAll) and, as a last resort, this worker's exit can kill it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket, type ClientOptions } from 'ws';
import { seededRandom } from '../../support/seeded-random.ts';
import { requireProgram } from '../../../scripts/system-deps.mjs';

export { seededRandom };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const serverMain = path.join(root, 'server/main.mjs');

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Kills every process this worker started and waits for them to exit. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopProcess(child)));
}

async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // 'close', not 'exit': its last output (the "stopping" line) can still be in the pipe at exit.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.kill(signal);
  // A generous grace: on a loaded CI machine a starved node once took more than 3 s to run its
  // SIGTERM handler, was killed, and the test missed its "stopping" line.
  const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
  await exited;
  clearTimeout(timer);
}

/** Resolves to a TCP port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Resolves when `predicate` holds, polling; rejects after `timeoutMs`. */
export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface SignalServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `ws://127.0.0.1:<port>` */
  wsUrl: string;
  port: number;
  pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Whether the process is still running. */
  alive(): boolean;
  /** The parsed /health body (throws unless the status is 200). */
  health(): Promise<{ status: string; connections: number; topics: number; backplane: string }>;
  stop(): Promise<void>;
}

/**
 * Spawns `node server/main.mjs` with PORT=0 on 127.0.0.1 plus `env`, and resolves once it prints
 * its `listening on http://…` line.
 */
export async function startSignalServer(env: Record<string, string> = {}): Promise<SignalServer> {
  const child = spawn(process.execPath, [serverMain], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 10 s:\n${output}`)), 10_000);
    const check = () => {
      const match = /^listening on (http:\/\/\S+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
  const port = Number(new URL(url).port);
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    port,
    pid: child.pid!,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    async health() {
      const response = await fetch(`${url}/health`);
      if (response.status !== 200) throw new Error(`/health answered ${response.status}`);
      return response.json();
    },
    stop: () => stopProcess(child),
  };
}

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Starts it again on the same port (after `stop`). */
  restart(): Promise<void>;
}

/** Starts a throwaway redis-server on a free loopback port, without persistence. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const launch = async () => {
    const proc = spawn(requireProgram('redis-server'), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(proc);
    proc.once('exit', () => running.delete(proc));
    child = proc;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start in 10 s:\n${output}`)), 10_000);
      proc.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}:\n${output}`));
      });
    });
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (child) await stopProcess(child, 'SIGKILL');
    },
    restart: launch,
  };
}

/** A `ws` client that queues what it receives, for tests that read messages in order. */
export class TestClient {
  readonly received: unknown[] = [];
  closeCode: number | null = null;
  private readonly socket: WebSocket;
  private readonly opened: Promise<void>;

  constructor(url: string, options?: ClientOptions) {
    this.socket = new WebSocket(url, { handshakeTimeout: 5_000, ...options });
    this.socket.on('message', (data, isBinary) => {
      this.received.push(isBinary ? data : JSON.parse(data.toString()));
    });
    this.socket.on('close', (code) => (this.closeCode = code));
    // An error (refused upgrade, reset) is observed through `opened` or `closeCode`.
    this.socket.on('error', () => {});
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
      this.socket.once('error', reject);
    });
  }

  /** Opens a client and waits until the socket is open. */
  static async open(url: string, options?: ClientOptions): Promise<TestClient> {
    const client = new TestClient(url, options);
    await client.opened;
    return client;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  sendRaw(data: string | Buffer, binary: boolean): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(data, { binary });
  }

  /** Writes bytes straight to the TCP socket, below the WebSocket framing. */
  writeRawBytes(bytes: Buffer): void {
    (this.socket as unknown as { _socket: { write(b: Buffer): void } })._socket.write(bytes);
  }

  /** Stops reading from the socket, so that the server's sends back up (a stalled receiver). */
  pauseReading(): void {
    this.socket.pause();
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends a ping and waits for the pong: everything sent before it has been processed. */
  async roundTrip(timeoutMs = 5_000): Promise<void> {
    const before = this.received.length;
    this.send({ type: 'ping' });
    await waitFor(() => this.received.slice(before).some((m) => (m as { type?: string }).type === 'pong'), timeoutMs, 'pong');
  }

  /** The messages received so far that are publishes to `topic`. */
  publishesTo(topic: string): Array<Record<string, unknown>> {
    return this.received.filter((m) => {
      const message = m as { type?: string; topic?: string };
      return message.type === 'publish' && message.topic === topic;
    }) as Array<Record<string, unknown>>;
  }

  async waitForClose(timeoutMs = 5_000): Promise<number> {
    await waitFor(() => this.closeCode !== null, timeoutMs, 'close');
    return this.closeCode!;
  }

  close(): void {
    this.socket.terminate();
  }
}

