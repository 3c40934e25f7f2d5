/**
 * One address against the servers: how many sockets it can hold, and how much memory it can make
 * a server hold by sending and never reading. Each scenario starts a fresh server process
 * (server/main.mjs, or the one SERVER_MAIN names — point it at an older checkout to measure
 * "before"), with its default limits, everything over 127.0.0.1:
 *
 * - idle: opens 2,000 WebSockets (100 at a time) and keeps them; counts those accepted.
 * - self-publish, not reading: N connections each subscribe to a room of their own, stop reading,
 *   and publish to it, so the server echoes every message back to a reader that never takes it:
 *   8 KB 25 times a second for 8 s (within the per-connection rate limit; 1.6 MB per connection),
 *   or one burst of 200 × 32 KB (the per-connection burst; 6.4 MB per connection).
 * - relay, not reading: 100 connections subscribe live to one room and stop reading while one
 *   writer pushes 20 MB into it.
 *
 * Figures: connections accepted; the server's resident memory (VmRSS from /proc) before the
 * scenario and its peak during it (VmHWM); connections the server cut off. No budgets: DESIGN.md's
 * only bound is the deployment's MemoryMax=512M, which every peak should stay well under.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import type { Figure } from './figure.ts';
import { envelope, newRoomKey, RelayClient } from '../tests/unit/server/relay-client.ts';
import { tempDir } from '../tests/unit/server/relay-helpers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverMain = process.env.SERVER_MAIN ?? path.join(root, 'server/main.mjs');
const label = process.env.SERVER_MAIN ? ` (${process.env.SERVER_MAIN})` : '';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Server { child: ChildProcess; url: string; open(): Promise<number>; close(): Promise<void> }

async function start(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [serverMain], { env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_INTERVAL_MS: '600000', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^listening on http:\/\/(\S+)$/m.exec(output);
      if (match) resolve(`ws://${match[1]}`);
    });
    child.once('exit', () => reject(new Error(`server exited:\n${output}`)));
  });
  child.stdout!.resume();
  return {
    child,
    url,
    /** Connections the server still holds, from its /health (signaling's count, or the relay's). */
    async open() {
      const health = (await (await fetch(`${url.replace(/^ws/, 'http')}/health`)).json()) as { connections?: number; relay?: { connections: number } };
      return health.relay?.connections ?? health.connections ?? 0;
    },
    async close() {
      if (child.exitCode !== null) return;
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

async function memory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)![1]) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

function open(url: string): Promise<WebSocket | null> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: 10_000 });
    socket.once('open', () => resolve(socket));
    socket.once('error', () => resolve(null));
    socket.once('unexpected-response', () => resolve(null));
  });
}

async function openMany(url: string, count: number): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < count; i += 100) {
    const batch = await Promise.all(Array.from({ length: Math.min(100, count - i) }, () => open(url)));
    for (const s of batch) if (s) sockets.push(s);
  }
  for (const s of sockets) s.on('error', () => {});
  return sockets;
}

const MiB = 1024 * 1024;

async function idle(env: Record<string, string>, path = ''): Promise<{ accepted: number; before: number; after: number }> {
  const server = await start(env);
  try {
    await sleep(300);
    const before = (await memory(server.child.pid!)).rss;
    const sockets = await openMany(server.url + path, 2_000);
    await sleep(500);
    const after = (await memory(server.child.pid!)).rss;
    for (const s of sockets) s.terminate();
    return { accepted: sockets.length, before, after };
  } finally {
    await server.close();
  }
}

/**
 * @param connections how many sockets to open
 * @param ticks publishing rounds, 40 ms apart
 * @param perTick publishes each connection sends per round
 * @param bytes payload of each publish
 */
async function selfPublish(connections: number, ticks: number, perTick: number, bytes: number): Promise<{ accepted: number; before: number; peak: number; cut: number }> {
  const server = await start({});
  try {
    await sleep(300);
    const before = (await memory(server.child.pid!)).rss;
    const sockets = await openMany(server.url, connections);
    sockets.forEach((socket, i) => {
      socket.send(JSON.stringify({ type: 'subscribe', topics: [`self-${i}`] }));
    });
    await sleep(500);
    for (const s of sockets) s.pause();
    const payload = 'x'.repeat(bytes);
    const frames = sockets.map((_, i) => JSON.stringify({ type: 'publish', topic: `self-${i}`, data: payload }));
    for (let tick = 0; tick < ticks; tick++) {
      const started = performance.now();
      sockets.forEach((s, i) => {
        for (let k = 0; k < perTick; k++) if (s.readyState === WebSocket.OPEN) s.send(frames[i]!);
      });
      await sleep(Math.max(0, 40 - (performance.now() - started)));
    }
    await sleep(1_000);
    const { peak } = await memory(server.child.pid!);
    // A paused client does not notice the server hanging up, so ask the server.
    const cut = sockets.length - (await server.open());
    for (const s of sockets) s.terminate();
    return { accepted: sockets.length, before, peak, cut };
  } finally {
    await server.close();
  }
}

async function relayNotReading(): Promise<{ accepted: number; before: number; peak: number; cut: number }> {
  const temp = tempDir('relay-abuse-');
  const server = await start({ SERVICES: 'relay', RELAY_DATA_DIR: temp.dir });
  try {
    await sleep(300);
    const before = (await memory(server.child.pid!)).rss;
    const room = newRoomKey();
    const writer = await RelayClient.open(server.url, { headers: { 'x-forwarded-for': '192.0.2.1' } });
    const readers: RelayClient[] = [];
    for (let i = 0; i < 100; i++) {
      try {
        readers.push(await RelayClient.open(server.url));
      } catch {
        // refused: over the per-address cap
      }
    }
    await Promise.all(readers.map((r) => r.sync(room.tag, { live: true })));
    for (const r of readers) r.pauseReading();
    for (let i = 0; i < 200; i++) {
      const answer = await writer.push(room, Array.from({ length: 10 }, () => envelope(randomBytes(10_000))));
      if (answer.type === 'error' && answer.name === 'rate-limited') await sleep(answer.retryAfterMs);
    }
    await sleep(2_000);
    const { peak } = await memory(server.child.pid!);
    // The relay cuts a reader that has not taken a page for RELAY_STALL_MS (30 s by default).
    await sleep(31_000);
    const cut = readers.length + 1 - (await server.open());
    for (const r of readers) r.close();
    writer.close();
    return { accepted: readers.length, before, peak, cut };
  } finally {
    await server.close();
    temp.cleanup();
  }
}

export default async function (): Promise<Figure[]> {
  const figures: Figure[] = [];
  const add = (name: string, value: number, unit: string) => {
    figures.push({ name: `abuse${label}: ${name}`, value, unit, budget: null });
    process.stderr.write(`  ${name}: ${Math.round(value * 10) / 10} ${unit}\n`);
  };
  const i = await idle({});
  add('signaling, idle sockets from one address accepted (of 2,000)', i.accepted, 'sockets');
  add('signaling, RSS with them open', i.after / MiB, 'MiB');
  const scenarios = [
    { name: '100 self-publishing non-readers (8 KB × 25/s, 8 s)', n: 100, ticks: 200, perTick: 1, bytes: 8 * 1024 },
    { name: '400 self-publishing non-readers (8 KB × 25/s, 8 s)', n: 400, ticks: 200, perTick: 1, bytes: 8 * 1024 },
    { name: '100 self-publishing non-readers (one burst of 200 × 32 KB)', n: 100, ticks: 1, perTick: 200, bytes: 32 * 1024 },
  ];
  for (const c of scenarios) {
    const r = await selfPublish(c.n, c.ticks, c.perTick, c.bytes);
    add(`signaling, ${c.name}: accepted`, r.accepted, 'connections');
    add(`signaling, ${c.name}: RSS before`, r.before / MiB, 'MiB');
    add(`signaling, ${c.name}: peak RSS`, r.peak / MiB, 'MiB');
    add(`signaling, ${c.name}: cut off`, r.cut, 'connections');
  }
  if (!process.env.SERVER_MAIN) {
    const temp = tempDir('relay-abuse-idle-');
    const ri = await idle({ SERVICES: 'relay', RELAY_DATA_DIR: temp.dir });
    temp.cleanup();
    add('relay, idle sockets from one address accepted (of 2,000)', ri.accepted, 'sockets');
    add('relay, RSS with them open', ri.after / MiB, 'MiB');
    const r = await relayNotReading();
    add('relay, live subscribers not reading 20 MB: accepted (of 100)', r.accepted, 'connections');
    add('relay, live subscribers not reading 20 MB: RSS before', r.before / MiB, 'MiB');
    add('relay, live subscribers not reading 20 MB: peak RSS', r.peak / MiB, 'MiB');
    add('relay, live subscribers not reading 20 MB: cut off', r.cut, 'connections');
  }
  return figures;
}
