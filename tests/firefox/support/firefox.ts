/**
 * Debian's firefox-esr (or FIREFOX_PATH; found by scripts/system-deps.mjs, which says what to do when
 * there is none), headless, in a fresh throwaway profile, with its WebDriver BiDi server and its
 * Marionette server each on an ephemeral port of 127.0.0.1, and one WebDriver session opened on
 * both, as geckodriver does it: Marionette's `WebDriver:NewSession` with `webSocketUrl: true`
 * creates the session and hands back the BiDi WebSocket that drives the same session.
 *
 * BiDi drives the pages (tabs, the extension). The browser window itself (browser.xhtml) is
 * reached through Marionette's chrome context (browser-window.ts), which
 * `-remote-allow-system-access` unlocks: the only way to open an extension's sidebar without a
 * user's click and to picture the whole window (sidebar.ts). BiDi's own chrome scope
 * (`moz:scope: 'chrome'`) does not exist in Firefox 140 ESR, the firefox-esr Debian ships: there
 * `browsingContext.getTree` lists only tabs, whatever the flag. The servers listen on loopback
 * only, and the profile is deleted on close.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BidiConnection } from './bidi.ts';
import { BrowserWindow } from './browser-window.ts';
import { MarionetteConnection } from './marionette.ts';
import { requireProgram } from '../../../scripts/system-deps.mjs';

export interface Firefox {
  bidi: BidiConnection;
  /** The browser window's own script (Marionette's chrome context). */
  browserWindow: BrowserWindow;
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
  // Marionette on a free port (it prints which); 2828 may be taken by another browser.
  'marionette.port': 0,
};

const userJs = (prefs: Record<string, Pref>) =>
  Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n') + '\n';

interface Listening {
  /** The WebDriver BiDi server, `ws://127.0.0.1:<port>`. */
  bidi: string;
  marionettePort: number;
}

/** Waits for Firefox to print where its BiDi and Marionette servers listen; keeps the last output for errors. */
function listening(child: ChildProcess, output: { text: string }): Promise<Listening> {
  return new Promise((resolve, reject) => {
    let bidi: string | undefined;
    let marionettePort: number | undefined;
    const onData = (chunk: Buffer) => {
      // Keep draining the pipes for the browser's whole life (a full pipe would block it), but
      // keep only the tail for messages. Each line counts once whole (a chunk may end mid-line).
      output.text = (output.text + String(chunk)).slice(-4000);
      bidi ??= /WebDriver BiDi listening on (ws:\/\/\S+)\r?\n/.exec(output.text)?.[1];
      const port = /Marionette\s+INFO\s+Listening on port (\d+)\r?\n/.exec(output.text)?.[1];
      if (port) marionettePort ??= Number(port);
      if (bidi && marionettePort) resolve({ bidi, marionettePort });
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
    ['-headless', '-no-remote', '-profile', profileDir, '-marionette', '--remote-debugging-port=0', '-remote-allow-system-access'],
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
  let marionette: MarionetteConnection | undefined;
  let browserWindow: BrowserWindow;
  try {
    const servers = await listening(child, output);
    const host = new URL(servers.bidi).hostname;
    if (host !== '127.0.0.1') throw new Error(`Firefox's BiDi server is on ${host}, not loopback only`);
    // Marionette binds loopback only (its TCPListener's LoopbackOnly flag); we connect to 127.0.0.1.
    marionette = await MarionetteConnection.connect(servers.marionettePort);
    const { capabilities } = await marionette.send<{ capabilities: { webSocketUrl?: string } }>('WebDriver:NewSession', { webSocketUrl: true });
    if (!capabilities.webSocketUrl?.startsWith(`${servers.bidi}/session/`)) {
      throw new Error(`the session's BiDi address ${capabilities.webSocketUrl} is not on ${servers.bidi}`);
    }
    bidi = await BidiConnection.connect(capabilities.webSocketUrl);
    browserWindow = await BrowserWindow.open(marionette);
  } catch (error) {
    await marionette?.close().catch(() => {});
    await kill();
    throw error;
  }
  return {
    bidi,
    browserWindow,
    profileDir,
    async close() {
      // A session started over Marionette ends with Marionette:Quit (BiDi's browser.close refuses
      // it); the connections may drop before it answers.
      await marionette.send('Marionette:Quit').catch(() => {});
      await bidi.close().catch(() => {});
      await marionette.close().catch(() => {});
      const quit = await Promise.race([exited.then(() => true), sleep(10_000, false, { ref: false })]);
      if (!quit) console.warn('Firefox did not quit within 10 s of Marionette:Quit; killing it by pid');
      await kill();
    },
  };
}
