/**
 * Edit in one browser visible in another (DESIGN.md budget: median ≤ 15 ms, WebRTC on loopback),
 * measured beside a bare y-webrtc pair in the same run (budget: ours ≤ 2× the bare median).
 *
 * Ours: two Chromium instances, each with its own profile and the built extension, share a plan
 * through the real signaling server (tests/e2e/support/signaling.ts) on 127.0.0.1. Member A types
 * into the danger statement, one character at a time; B's page records, in a MutationObserver,
 * when the text has grown by that character. Both browsers run on this machine and read its clock
 * (performance.timeOrigin + performance.now()), so A's keydown time and B's render time compare
 * directly. The next character is typed only once B has shown the previous one, so samples never
 * overlap. Colleagues' cursors (y-prosemirror draws them into the text) are left out of B's text.
 *
 * Bare: the same, between two pages of bench/fixtures/bare-webrtc (a Y.Text bound to a
 * contenteditable, a WebrtcProvider with the same signaling server, password and ICE settings),
 * served by a small HTTP server on 127.0.0.1 from a bundle built at bench time into .tmp/.
 *
 * Relay only: a third pair of extension browsers with "Relay only" set (no WebRTC), so each
 * character is sealed, pushed to the real relay on 127.0.0.1 and delivered live to B (issue 15);
 * printed beside the WebRTC figures without a budget.
 *
 * The pairs are all open at once and measured in rotating blocks of ten characters, so whatever
 * else the machine is doing weighs on them alike. "To render" is the MutationObserver time (the
 * DOM holds the text); "to frame" is the next animation frame after it (about when it is painted),
 * printed without a budget.
 */
import { chromium, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSignaling } from '../tests/e2e/support/signaling.ts';
import { startRelayServer } from '../tests/e2e/support/relay-server.ts';
import { allowCompiledFunctions, openSharedPlan } from './support/shared-plan.ts';
import { buildBareWebrtc } from './fixtures/bare-webrtc/build.ts';
import { percentile, type Figure } from './figure.ts';
import { requireProgram } from '../scripts/system-deps.mjs';


/** Characters per block; the pairs take turns, block by block. */
const BLOCK = 10;
/** Blocks per pair, the first of each a warm-up that is not counted: 12 × 10 = 120 samples. */
const BLOCKS = 13;
/** Per character: a bound on waiting for the other browser, not a target. */
const ARRIVAL_TIMEOUT_MS = 10_000;
const BUDGET_MEDIAN_MS = 15;
const BUDGET_RATIO = 2;

export interface Latencies {
  /** Keydown in A to the text in B's DOM, ms, one per sample. */
  toRender: number[];
  /** Keydown in A to the next animation frame in B after that, ms. */
  toFrame: number[];
}

export default async function (): Promise<Figure[]> {
  const signaling = await startSignaling();
  const relay = await startRelayServer();
  const closers: (() => Promise<void>)[] = [relay.close];
  try {
    const barePair = await openBarePair(signaling.url);
    closers.push(barePair.close);
    const shared = await openSharedPlan(signaling.url);
    closers.push(shared.close);
    // The same, with WebRTC off: every character travels sealed through the relay (issue 15).
    const relayed = await openSharedPlan(signaling.url, undefined, { url: relay.url });
    closers.push(relayed.close);
    const bare = await meterPair(barePair.a, barePair.a.locator('#editor'), barePair.b, barePair.b.locator('#editor'));
    const ours = await meterPair(shared.a.page, shared.a.plan.dangerStatement(), shared.b.page, shared.b.plan.dangerStatement());
    const viaRelay = await meterPair(relayed.a.page, relayed.a.plan.dangerStatement(), relayed.b.page, relayed.b.plan.dangerStatement());
    for (let block = 0; block < BLOCKS; block++) {
      // Rotate who goes first, so none always follows another's last character.
      const order = [bare, ours, viaRelay];
      for (let i = 0; i < order.length; i++) await order[(block + i) % order.length]!.type(BLOCK);
    }
    const [b, o, r] = [await bare.latencies(BLOCK), await ours.latencies(BLOCK), await viaRelay.latencies(BLOCK)];
    const median = (xs: number[]) => percentile(xs, 50);
    return [
      { name: 'edit → remote render, extension (median)', value: median(o.toRender), unit: 'ms', budget: BUDGET_MEDIAN_MS },
      { name: 'edit → remote render, extension (p95)', value: percentile(o.toRender, 95), unit: 'ms', budget: null },
      { name: 'edit → remote render, bare y-webrtc (median)', value: median(b.toRender), unit: 'ms', budget: null },
      { name: 'edit → remote render, bare y-webrtc (p95)', value: percentile(b.toRender, 95), unit: 'ms', budget: null },
      { name: 'edit → remote render, extension ÷ bare (medians)', value: median(o.toRender) / median(b.toRender), unit: '×', budget: BUDGET_RATIO },
      { name: 'edit → remote frame, extension (median)', value: median(o.toFrame), unit: 'ms', budget: null },
      { name: 'edit → remote frame, bare y-webrtc (median)', value: median(b.toFrame), unit: 'ms', budget: null },
      { name: 'edit → remote render, extension through the relay only (median)', value: median(r.toRender), unit: 'ms', budget: null },
      { name: 'edit → remote render, extension through the relay only (p95)', value: percentile(r.toRender, 95), unit: 'ms', budget: null },
      { name: 'edit → remote render, samples per pair', value: o.toRender.length, unit: '', budget: null },
    ];
  } finally {
    for (const close of closers.reverse()) await close();
    await signaling.close();
  }
}

// ─── The bare pair ──────────────────────────────────────────────────────────────────────────────

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** Serves the files of `dir` on 127.0.0.1 (a random port). */
async function serveDirectory(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const name = path.basename(new URL(request.url ?? '/', 'http://127.0.0.1').pathname) || 'index.html';
    readFile(path.join(dir, name)).then(
      (body) => response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Debian's Chromium with the flags the extension runs under (tests/e2e/support/browser.ts), no extension. */
async function launchPlainChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cgp-bare-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: requireProgram('chromium'),
    headless: false,
    viewport: { width: 400, height: 900 },
    args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--allow-loopback-in-peer-connection'],
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Two plain Chromium instances on the bare page (`mode`: see its main.ts), connected peer to peer. */
export async function openBarePair(signalingUrl: string, mode = ''): Promise<{ a: Page; b: Page; close(): Promise<void> }> {
  const site = await serveDirectory(await buildBareWebrtc());
  const browsers = await Promise.all([launchPlainChromium(), launchPlainChromium()]);
  const close = async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await site.close();
  };
  try {
    const query = new URLSearchParams({ signaling: signalingUrl, room: `bare-${randomBytes(8).toString('hex')}`, password: randomBytes(16).toString('hex'), mode });
    const [a, b] = await Promise.all(browsers.map((browser) => browser.context.newPage()));
    for (const page of [a!, b!]) await page.goto(`${site.url}/index.html?${query}`);
    if (mode === 'signed') {
      // Each page's device admitted in the other (frames until then wait for it).
      type Bare = { device(): { deviceId: string; signingPublic: number[] }; admit(id: string, key: number[]): void };
      const devices = await Promise.all([a!, b!].map((page) => page.waitForFunction(() => (window as unknown as { bare?: Bare }).bare?.device()).then((h) => h.jsonValue())));
      await a!.evaluate((d) => (window as unknown as { bare: Bare }).bare.admit(d.deviceId, d.signingPublic), devices[1]!);
      await b!.evaluate((d) => (window as unknown as { bare: Bare }).bare.admit(d.deviceId, d.signingPublic), devices[0]!);
    }
    for (const page of [a!, b!]) {
      await page.waitForFunction(() => (window as unknown as { bare: { connectedPeers(): number } }).bare.connectedPeers() > 0, null, { timeout: 30_000 });
    }
    return { a: a!, b: b!, close };
  } catch (error) {
    await close();
    throw error;
  }
}

// ─── Measuring one pair ─────────────────────────────────────────────────────────────────────────

interface RenderClock {
  /** The editor's text length now, colleagues' cursors left out. */
  length: number;
  arrivals: { at: number; length: number }[];
  frames: { at: number; length: number }[];
}

/**
 * In B's page: records, for every change to `editor`, the time and the text length. Runs in the
 * browser, so it carries its own helpers.
 */
export function installRenderClock(editor: Element): number {
  const textOf = (root: Node) => {
    let text = '';
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest('.ProseMirror-yjs-cursor')) text += (node as Text).data;
    }
    return text;
  };
  const clock: RenderClock = { length: textOf(editor).length, arrivals: [], frames: [] };
  new MutationObserver(() => {
    const at = performance.timeOrigin + performance.now();
    const length = textOf(editor).length;
    clock.length = length;
    clock.arrivals.push({ at, length });
    requestAnimationFrame(() => clock.frames.push({ at: performance.timeOrigin + performance.now(), length }));
  }).observe(editor, { childList: true, characterData: true, subtree: true });
  (window as unknown as { renderClock: RenderClock }).renderClock = clock;
  return clock.length;
}

/** A pair under measurement: A types, B's page records when each character showed. */
interface PairMeter {
  /** Types `count` characters into A, each once B has shown the one before. */
  type(count: number): Promise<void>;
  /** The latencies of every character typed so far, the first `skip` left out. */
  latencies(skip: number): Promise<Latencies>;
}

export async function meterPair(pageA: Page, editorA: Locator, pageB: Page, editorB: Locator): Promise<PairMeter> {
  for (const page of [pageA, pageB]) await allowCompiledFunctions(page);
  await editorA.click();
  await pageA.keyboard.press('Control+End');
  await pageA.evaluate(() => {
    const inputs: number[] = [];
    document.addEventListener('keydown', () => inputs.push(performance.timeOrigin + performance.now()), true);
    (window as unknown as { inputClock: number[] }).inputClock = inputs;
  });
  const start = await editorB.evaluate(installRenderClock);
  let typed = 0;
  return {
    async type(count) {
      // A's editor keeps focus: nothing else is clicked in A's browser.
      for (let i = 0; i < count; i++) {
        await pageA.keyboard.type('abcdefghij'[typed % 10]!);
        typed++;
        await pageB.waitForFunction((n) => (window as unknown as { renderClock: RenderClock }).renderClock.length >= n, start + typed, { timeout: ARRIVAL_TIMEOUT_MS });
        await pageA.waitForTimeout(15); // let awareness (the cursor) settle, so it never shares a sample
      }
    },
    async latencies(skip) {
      await pageB.waitForTimeout(50); // the last animation frame
      const inputs = await pageA.evaluate(() => (window as unknown as { inputClock: number[] }).inputClock);
      const { arrivals, frames } = await pageB.evaluate(() => (window as unknown as { renderClock: RenderClock }).renderClock);
      if (inputs.length !== typed) throw new Error(`sync-latency: ${inputs.length} keydowns recorded for ${typed} characters`);
      const out: Latencies = { toRender: [], toFrame: [] };
      for (let i = skip; i < typed; i++) {
        const firstWith = (records: { at: number; length: number }[]) => records.find((r) => r.length >= start + i + 1)!.at;
        out.toRender.push(firstWith(arrivals) - inputs[i]!);
        out.toFrame.push(firstWith(frames) - inputs[i]!);
      }
      return out;
    },
  };
}
