/**
 * Signaling server: our `server/main.mjs` beside y-webrtc's stock `bin/server.js`, each in its own
 * process, each loaded with 1,000 WebSocket connections in rooms of 5 (all over 127.0.0.1).
 *
 * - Throughput: every connection keeps one publish in flight (it sends the next when the server
 *   echoes the previous one back to it, as both servers do), with a 400-byte payload, the size of
 *   an encrypted ICE candidate. Counted: publishes delivered to clients per second. Both servers
 *   run at once and are loaded in turn, 5 windows each of 1.5 s (after 0.3 s of warm-up), and the
 *   figure is the median window, so background load on the machine weighs on both alike. The load
 *   generator is this process, so both servers face the same client.
 * - Memory: the server's VmRSS from /proc/<pid>/status with no connection, then with the 1,000
 *   connections open and subscribed, before the load.
 *
 * Our per-connection rate limit (50 messages/s, burst 200 by default) would cap a closed loop like
 * this one at 50 publishes/s per connection and then close it; the bench starts our server with
 * RATE_LIMIT_PER_SECOND and RATE_LIMIT_BURST raised to 1,000,000, so both servers are measured at
 * full speed and the limiter's bookkeeping is still paid for on every frame. Likewise the per-address
 * limits (every connection here comes from 127.0.0.1), raised past anything the bench reaches. DESIGN.md sets no
 * budget for the signaling server, so every budget is null.
 *
 * The stock server binds every interface (it takes no host); it runs only for the bench, on a
 * random port, and is only ever reached through 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import type { Figure } from './figure.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONNECTIONS = 1_000;
const ROOM_SIZE = 5;
const ROUNDS = 5;
const WARMUP_MS = 300;
const MEASURE_MS = 1_500;
const DRAIN_MS = 300;
const PAYLOAD = 'x'.repeat(400);

interface Target {
  label: string;
  start(): Promise<{ child: ChildProcess; port: number }>;
}

const targets: Target[] = [
  {
    label: 'ours',
    async start() {
      const child = spawn(process.execPath, [path.join(root, 'server/main.mjs')], {
        env: {
          PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', RATE_LIMIT_PER_SECOND: '1000000', RATE_LIMIT_BURST: '1000000',
          // All 1,000 connections come from this one address; the per-address limits are for abuse, not this.
          MAX_CONNECTIONS_PER_IP: '1000000', IP_RATE_LIMIT_PER_SECOND: '10000000', IP_RATE_LIMIT_BURST: '10000000',
          IP_BYTES_PER_SECOND: String(1024 ** 4), IP_BYTES_BURST: String(1024 ** 4), MAX_BUFFERED_BYTES_PER_IP: String(1024 ** 4),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const port = await new Promise<number>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error('our server did not start in 10 s')), 10_000);
        child.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /^listening on http:\/\/127\.0\.0\.1:(\d+)$/m.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(Number(match[1]));
          }
        });
        child.once('exit', () => reject(new Error('our server exited before listening')));
      });
      child.stdout!.resume();
      return { child, port };
    },
  },
  {
    label: 'stock y-webrtc',
    async start() {
      const port = await freePort();
      const child = spawn(process.execPath, [path.join(root, 'node_modules/y-webrtc/bin/server.js')], {
        env: { PATH: process.env.PATH ?? '', PORT: String(port) },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      await waitUntilAccepting(port);
      return { child, port };
    },
  },
];

export default async function (): Promise<Figure[]> {
  const loads: Load[] = [];
  try {
    // Both servers run side by side and are loaded in alternating windows, so that whatever else
    // the machine is doing weighs on both alike; each figure is the median of its windows.
    for (const target of targets) loads.push(await prepare(target));
    for (let round = 0; round < ROUNDS; round++) {
      for (const load of loads) load.windows.push(await runWindow(load));
    }
    for (const load of loads) {
      if (load.child.exitCode !== null) throw new Error(`${load.label} server died during the bench`);
    }
  } finally {
    await Promise.all(loads.map((load) => load.close()));
  }
  return [
    ...loads.map((l) => ({ name: `signaling: publishes delivered, 1,000 conns in rooms of 5 (${l.label})`, value: median(l.windows), unit: 'msg/s', budget: null })),
    ...loads.map((l) => ({ name: `signaling: server RSS, idle (${l.label})`, value: l.idleRssMb, unit: 'MB', budget: null })),
    ...loads.map((l) => ({ name: `signaling: server RSS, 1,000 conns subscribed (${l.label})`, value: l.loadedRssMb, unit: 'MB', budget: null })),
  ];
}

interface Load {
  label: string;
  child: ChildProcess;
  idleRssMb: number;
  loadedRssMb: number;
  /** Delivered messages per second, one entry per measured window. */
  windows: number[];
  /** Starts the closed loop on every connection; returns a function that stops it. */
  start(): () => void;
  delivered(): number;
  close(): Promise<void>;
}

/** Starts a server, records its idle RSS, opens and subscribes 1,000 connections, records RSS again. */
async function prepare(target: Target): Promise<Load> {
  const { child, port } = await target.start();
  const sockets: WebSocket[] = [];
  const close = async () => {
    for (const socket of sockets) socket.terminate();
    await stop(child);
  };
  try {
    await sleep(300);
    const idleRssMb = await rssMb(child.pid!);
    const url = `ws://127.0.0.1:${port}`;
    // Open in batches so the accept queue never overflows.
    for (let i = 0; i < CONNECTIONS; i += 100) {
      sockets.push(...(await Promise.all(Array.from({ length: Math.min(100, CONNECTIONS - i) }, () => open(url)))));
    }
    const room = (i: number) => `bench-room-${Math.floor(i / ROOM_SIZE)}`;
    sockets.forEach((socket, i) => socket.send(JSON.stringify({ type: 'subscribe', topics: [room(i)] })));
    await sleep(500);
    const loadedRssMb = await rssMb(child.pid!);

    let delivered = 0;
    let running = false;
    const frames = sockets.map((socket, i) => {
      // Fixed width, so one connection's tag is never a prefix of another's.
      const id = `c${String(i).padStart(5, '0')}`;
      const tag = Buffer.from(`"from":"${id}"`);
      const frame = JSON.stringify({ type: 'publish', topic: room(i), data: PAYLOAD, from: id });
      socket.on('message', (data: Buffer) => {
        delivered++;
        // Our own publish came back: the server has handled it, so send the next one.
        if (running && data.indexOf(tag) !== -1) socket.send(frame);
      });
      return frame;
    });
    return {
      label: target.label,
      child,
      idleRssMb,
      loadedRssMb,
      windows: [],
      start() {
        running = true;
        sockets.forEach((socket, i) => socket.send(frames[i]!));
        return () => (running = false);
      },
      delivered: () => delivered,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** One window: warm up, count deliveries for MEASURE_MS, stop, and let in-flight messages drain. */
async function runWindow(load: Load): Promise<number> {
  const stopLoop = load.start();
  await sleep(WARMUP_MS);
  const before = load.delivered();
  const startedAt = performance.now();
  await sleep(MEASURE_MS);
  const rate = Math.round(((load.delivered() - before) * 1000) / (performance.now() - startedAt));
  stopLoop();
  await sleep(DRAIN_MS);
  return rate;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    const timer = setTimeout(() => reject(new Error('connect timeout')), 10_000);
    socket.once('open', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]);
  return Math.round((kb / 1024) * 10) / 10;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function waitUntilAccepting(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      await response.body?.cancel();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`nothing listening on port ${port} after 10 s`);
      await sleep(50);
    }
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
