// @ts-check
/**
 * Entry point: `node server/main.mjs`. Reads the environment (SERVICES says what to serve:
 * `signal`, the default, `relay`, or `signal,relay`), starts the node, prints
 * `listening on http://HOST:PORT` (tests and operators parse this line), and shuts down cleanly
 * on SIGTERM / SIGINT. Configuration is documented in server/README.md.
 */
import { readConfig } from './config.mjs';
import { createLog } from './log.mjs';
import { EventTotals } from './metrics.mjs';
import { startServer } from './server.mjs';

/** @type {import('./config.mjs').Config} */
let config;
try {
  config = readConfig(process.env);
} catch (error) {
  console.error(`signaling server: bad configuration: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

// A reader of our output that goes away (a supervisor restarted, a test runner killed) must not
// turn every log line into an EPIPE that is logged in turn: that loop once kept orphaned nodes
// spinning at 20% CPU. Output stops; serving goes on.
let outputBroken = false;
process.stdout.on('error', () => {
  outputBroken = true;
});
process.stderr.on('error', () => {});

const events = new EventTotals();
const log = createLog({ write: (line) => void (outputBroken || process.stdout.write(line + '\n')), intervalMs: config.logIntervalMs, onCount: (key) => events.add(key) });

// Last resort. Every handler is already guarded per connection (signaling.mjs); anything that still
// escapes is logged and the node keeps serving the rooms it has, rather than dropping all of them.
process.on('uncaughtException', (error) => log.error('uncaught', error));
process.on('unhandledRejection', (error) => log.error('unhandled-rejection', error));

/** @type {import('./server.mjs').RunningServer} */
let server;
try {
  server = await startServer(config, log, events);
} catch (error) {
  const code = /** @type {{ code?: unknown }} */ (error).code;
  const reason = typeof code === 'string' ? code : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') console.error(`signaling server: cannot listen on ${config.host}:${config.port}: ${reason}`);
  // The store's error names a path or a database host, never a password (pg leaves it out of its messages).
  else console.error(`server: cannot start the relay's store: ${reason}`);
  process.exit(1);
}
log.info('started', {
  services: [...config.services].join(','),
  backplane: config.redisUrl === null ? 'off' : 'redis',
  origins: config.allowedOrigins?.size ?? 'any',
  token: config.token !== null,
  ...(config.relay ? { store: config.relay.store.kind, relayToken: config.relay.token !== null } : {}),
});
// The handlers go in before the line that says we are up: a supervisor (or a test) may signal the
// moment it reads it, and a SIGTERM before them would kill the node without its shutdown.
let stopping = false;
/** @param {NodeJS.Signals} signal */
const stop = async (signal) => {
  if (stopping) return;
  stopping = true;
  log.info('stopping', { signal });
  await server.close();
  log.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Plain line, no timestamp: the contract with scripts and tests is its exact shape.
process.stdout.write(`listening on ${server.url}\n`);

