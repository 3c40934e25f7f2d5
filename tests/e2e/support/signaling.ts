/**
 * The real signaling server as a child process for e2e tests, bound to 127.0.0.1, with a
 * recording relay in front of it: browsers connect to the relay, which forwards every frame both
 * ways and keeps a copy, so a test can check what the server was shown.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { WebSocketServer, WebSocket } from 'ws';

export interface SignalingServer {
  /** What browsers should use: the relay's ws:// address. */
  url: string;
  /** Every frame the server received or sent, as text. */
  frames: string[];
  /** Stops the server process (the relay stays, refusing nothing but reaching no one). */
  stop(): Promise<void>;
  /** Starts the server again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

async function startProcess(port: number): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['server/main.mjs'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_INTERVAL_MS: '600000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Keep reading stdout for the process's whole life: a closed pipe would break its logging.
  let output = '';
  let started = false;
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      if (started) return;
      output += String(chunk);
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        started = true;
        resolve({ child, port: Number(match[1]) });
      }
    });
    child.on('exit', (code) => reject(new Error(`signaling server exited (${code}) before listening`)));
  });
}

export async function startSignaling(): Promise<SignalingServer> {
  let server = await startProcess(0);
  const port = server.port;
  const frames: string[] = [];
  // The relay accepts a browser only once the server has: while the server is down, the upgrade
  // is refused, as a real outage refuses it. (Accepting first and closing when the server could
  // not be reached made each browser's signaling flap open and closed every few milliseconds.)
  const upstreams = new WeakMap<object, WebSocket>();
  const relay = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    verifyClient: (info, done) => {
      const upstream = new WebSocket(`ws://127.0.0.1:${port}`);
      upstream.once('open', () => {
        upstreams.set(info.req, upstream);
        done(true);
      });
      upstream.once('error', () => done(false, 503));
    },
  });
  await once(relay, 'listening');
  const sockets = new Set<WebSocket>();
  relay.on('connection', (client, request) => {
    sockets.add(client);
    const upstream = upstreams.get(request)!;
    upstream.on('message', (data) => {
      frames.push(String(data));
      if (client.readyState === WebSocket.OPEN) client.send(String(data));
    });
    client.on('message', (data) => {
      frames.push(String(data));
      if (upstream.readyState === WebSocket.OPEN) upstream.send(String(data));
    });
    const closeBoth = () => {
      client.close();
      upstream.close();
      sockets.delete(client);
    };
    upstream.on('close', closeBoth);
    upstream.on('error', closeBoth);
    client.on('close', closeBoth);
  });
  const address = relay.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${address.port}`,
    frames,
    async stop() {
      server.child.kill('SIGTERM');
      await once(server.child, 'exit');
    },
    async start() {
      server = await startProcess(port);
    },
    async close() {
      server.child.kill('SIGTERM');
      for (const s of sockets) s.terminate();
      await new Promise((r) => relay.close(r));
    },
  };
}
