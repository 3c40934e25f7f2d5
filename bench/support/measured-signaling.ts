/**
 * The real signaling server (server/main.mjs, unchanged) as a child process on 127.0.0.1 whose
 * memory a benchmark can read from outside: its resident set from /proc/<pid>/status, and its
 * JavaScript heap through Node's inspector (started with `--inspect=127.0.0.1:0`, so nothing in the
 * server changes and the inspector listens on loopback only). Browsers connect to it directly: no
 * recording relay in between (tests/e2e/support/signaling.ts keeps every frame, which a long run
 * does not want, and hides the server's pid).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { WebSocket } from 'ws';

export interface ServerMemory {
  /** VmRSS from /proc/<pid>/status, bytes. */
  rssBytes: number;
  /** V8's used heap after a forced full garbage collection, bytes. */
  heapUsedBytes: number;
}

export interface MeasuredSignaling {
  /** What browsers should use: ws://127.0.0.1:<port>. */
  url: string;
  pid: number;
  /** Forces a full GC in the server (through the inspector), then reads its heap and RSS. */
  memory(): Promise<ServerMemory>;
  /** RSS only, without touching the server: for progress lines. */
  rssBytes(): Promise<number>;
  close(): Promise<void>;
}

export async function startMeasuredSignaling(): Promise<MeasuredSignaling> {
  const child = spawn(process.execPath, ['--inspect=127.0.0.1:0', 'server/main.mjs'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_INTERVAL_MS: '600000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { port, inspectorUrl } = await started(child);
  const pid = child.pid!;
  return {
    url: `ws://127.0.0.1:${port}`,
    pid,
    async memory() {
      const heap = await inspect(inspectorUrl, async (send) => {
        await send('HeapProfiler.collectGarbage');
        await send('HeapProfiler.collectGarbage');
        return ((await send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
      });
      return { rssBytes: await readRss(pid), heapUsedBytes: heap };
    },
    rssBytes: () => readRss(pid),
    async close() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** Waits for the server's `listening on` line (stdout) and the inspector's address (stderr). */
function started(child: ChildProcess): Promise<{ port: number; inspectorUrl: string }> {
  let out = '';
  let err = '';
  let port: number | null = null;
  let inspectorUrl: string | null = null;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (port !== null && inspectorUrl !== null) resolve({ port, inspectorUrl });
    };
    // Both pipes are read for the process's whole life: a closed pipe would break its logging.
    child.stdout!.on('data', (chunk) => {
      if (port !== null) return;
      out += String(chunk);
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match) {
        port = Number(match[1]);
        check();
      }
    });
    child.stderr!.on('data', (chunk) => {
      if (inspectorUrl !== null) return;
      err += String(chunk);
      const match = /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/.exec(err);
      if (match) {
        inspectorUrl = match[1]!;
        check();
      }
    });
    child.on('exit', (code) => reject(new Error(`signaling server exited (${code}) before listening: ${err.trim()}`)));
  });
}

async function readRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

type Send = (method: string, params?: object) => Promise<unknown>;

/** Opens an inspector session, runs `use`, and closes it (the server runs on undisturbed between). */
async function inspect<T>(url: string, use: (send: Send) => Promise<T>): Promise<T> {
  const socket = new WebSocket(url);
  await once(socket, 'open');
  let nextId = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = message.id === undefined ? undefined : waiting.get(message.id);
    if (!waiter) return;
    waiting.delete(message.id!);
    if (message.error) waiter.reject(new Error(`inspector: ${message.error.message}`));
    else waiter.resolve(message.result);
  });
  const send: Send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  try {
    return await use(send);
  } finally {
    socket.close();
  }
}
