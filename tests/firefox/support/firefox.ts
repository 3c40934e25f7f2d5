/**
 * Debian's firefox-esr (or FIREFOX_PATH; found by scripts/system-deps.mjs, which says what to do when
 * there is none), headless, in a fresh throwaway profile, with its
 * WebDriver BiDi server on an ephemeral port of 127.0.0.1, and a BiDi session opened on it.
 *
 * `-remote-allow-system-access` lets the session evaluate script in the browser window itself
 * (`moz:scope: 'chrome'`): the only way to open an extension's sidebar without a user's click and
 * to picture the whole window (sidebar.ts). The server listens on loopback only, and the profile
 * is deleted on close.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BidiConnection } from './bidi.ts';
import { requireProgram } from '../../../scripts/system-deps.mjs';

export interface Firefox {
  bidi: BidiConnection;
  profileDir: string;
  /** Ends the session, the browser (by its pid if it will not quit) and deletes the profile. */
  close(): Promise<void>;
}

type Pref = string | number | boolean;

/**
 * Prefs written before the first start. The remote agent applies its own automation prefs only
 * once it is running, after early start-up has already tried to reach Mozilla's services; these
 * keep a test browser off the network from the first moment (this machine has none anyway).
 */
const QUIET_PREFS: Record<string, Pref> = {
  'app.normandy.enabled': false,
  'app.update.disabledForTesting': true,
  'browser.newtabpage.enabled': false,
  'browser.region.network.url': '',
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'datareporting.policy.dataSubmissionEnabled': false,
  'dom.push.connection.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'toolkit.telemetry.enabled': false,
  // The interface in UK English, as members see it.
  'intl.locale.requested': 'en-GB',
  'intl.accept_languages': 'en-GB',
};

const userJs = (prefs: Record<string, Pref>) =>
  Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n') + '\n';

/** Waits for Firefox to print its BiDi address on stderr; keeps the last output for errors. */
function bidiEndpoint(child: ChildProcess, output: { text: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      // Keep draining the pipes for the browser's whole life (a full pipe would block it), but
      // keep only the tail for messages.
      output.text = (output.text + String(chunk)).slice(-4000);
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output.text);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`Firefox exited (${code ?? signal}) before listening:\n${output.text}`)));
    child.once('error', reject);
  });
}

/** Starts Firefox with `prefs` (added to the quiet ones) and opens a BiDi session. */
export async function launchFirefox(prefs: Record<string, Pref> = {}): Promise<Firefox> {
  const firefox = requireProgram('firefox');
  const profileDir = await mkdtemp(path.join(tmpdir(), 'cgp-firefox-'));
  await writeFile(path.join(profileDir, 'user.js'), userJs({ ...QUIET_PREFS, ...prefs }));
  const child = spawn(
    firefox,
    ['-headless', '-no-remote', '-profile', profileDir, '--remote-debugging-port=0', '-remote-allow-system-access'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  const output = { text: '' };
  // Settles when the process is gone, or could never start.
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    await rm(profileDir, { recursive: true, force: true });
  };
  let bidi: BidiConnection;
  try {
    const endpoint = await bidiEndpoint(child, output);
    const host = new URL(endpoint).hostname;
    if (host !== '127.0.0.1') throw new Error(`Firefox's BiDi server is on ${host}, not loopback only`);
    bidi = await BidiConnection.connect(endpoint);
    await bidi.send('session.new', { capabilities: {} });
  } catch (error) {
    await kill();
    throw error;
  }
  return {
    bidi,
    profileDir,
    async close() {
      // browser.close ends the session and quits; the connection may drop before it answers.
      await bidi.send('browser.close').catch(() => {});
      await bidi.close().catch(() => {});
      const quit = await Promise.race([exited.then(() => true), sleep(10_000, false, { ref: false })]);
      if (!quit) console.warn('Firefox did not quit within 10 s of browser.close; killing it by pid');
      await kill();
    },
  };
}
