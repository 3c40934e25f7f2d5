// @ts-check
/**
 * `npm run dev`: builds the extension, starts the local server on 127.0.0.1:4444 (signaling, and
 * the relay on /relay with its SQLite data in .tmp/relay-data), and
 * opens Chromium with the extension loaded in a profile kept in .tmp/dev-profile (so plans survive
 * restarts). Rebuilds when lib/, components/ or entrypoints/ change; reload the extension (or its
 * page) to pick the build up. Ctrl+C stops everything.
 *
 * Only this build has default servers: WXT_DEV_SIGNALING and WXT_DEV_RELAY give it the local
 * server's addresses (lib/settings/network.ts), so sharing works out of the box here. Any other
 * build (`npm run build`, `npm test`) has none, and Share asks for one.
 *
 * Chromium: CHROMIUM_PATH, else Debian's chromium (scripts/system-deps.mjs; the `predev` step,
 * scripts/provision.mjs, installs it where missing). With no display (a server, CI), it starts
 * headless and prints the DevTools address instead of opening a window.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, watch } from 'node:fs';
import path from 'node:path';
import { locateProgram, missingProgramsMessage, systemProgram } from './system-deps.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = path.join(root, '.output', 'chrome-mv3');
const profile = path.join(root, '.tmp', 'dev-profile');
const chromium = locateProgram(systemProgram('chromium'));
/** @type {import('node:child_process').ChildProcess[]} */
const children = [];

const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '4444';
const services = process.env.SERVICES ?? 'signal,relay';
const local = `ws://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
/** The build's default servers: those the local server below runs. */
const buildEnv = {
  ...process.env,
  WXT_DEV_SIGNALING: process.env.WXT_DEV_SIGNALING ?? (services.includes('signal') ? local : ''),
  WXT_DEV_RELAY: process.env.WXT_DEV_RELAY ?? (services.includes('relay') ? `${local}/relay` : ''),
};

function build() {
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit', env: buildEnv });
  return result.status === 0;
}

if (!build()) {
  console.error('dev: the extension did not build; fix the error above and run npm run dev again.');
  process.exit(1);
}

const server = spawn(process.execPath, [path.join(root, 'server', 'main.mjs')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    HOST: host,
    PORT: port,
    SERVICES: services,
    RELAY_DATA_DIR: process.env.RELAY_DATA_DIR ?? path.join(root, '.tmp', 'relay-data'),
  },
});
children.push(server);

if (!chromium) {
  console.error(missingProgramsMessage([systemProgram('chromium')]));
  console.error(`dev: meanwhile, load ${outDir} by hand (see README, "Load the extension by hand").`);
} else {
  mkdirSync(profile, { recursive: true });
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const args = [
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--disable-sync',
    '--allow-loopback-in-peer-connection',
    `--disable-extensions-except=${outDir}`,
    `--load-extension=${outDir}`,
    ...(headless ? ['--headless=new', '--no-sandbox', '--remote-debugging-port=9222'] : []),
    'chrome-extension://jafnfkelchlicceondmlpojppioadolc/plan.html#/',
  ];
  if (headless) console.log('dev: no display found; Chromium runs headless with DevTools on http://127.0.0.1:9222');
  children.push(spawn(chromium, args, { stdio: 'ignore' }));
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let timer;
for (const dir of ['lib', 'components', 'entrypoints']) {
  watch(path.join(root, dir), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      console.log('dev: change seen, rebuilding…');
      if (build()) console.log('dev: rebuilt. Reload the extension page to see it.');
    }, 300);
  });
}

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
