/**
 * Two members each make 2,000 edits while offline, then reconnect (DESIGN.md budget: converge
 * ≤ 1 s after reconnecting, nothing lost). Measured twice:
 *
 * - In Node, with Y.Docs and the plan's own commands: each member's 2,000 edits are one
 *   transaction each (typing in a rich-text field one character at a time, adding chronology
 *   entries and actions, setting fields, removing and moving records). Reconnecting is what
 *   y-webrtc does when a data channel opens: both sides send sync step 1, both answer with step 2,
 *   read with y-protocols' readSyncMessage. The clock runs from the first step 1 to the last step 2
 *   applied, on one thread (two machines would do half each, in parallel), median of several runs.
 * - In two Chromium instances running the built extension, through the real signaling server: the
 *   peer connections are cut and the server stopped (as tests/e2e/peer-sync.spec.ts does), each
 *   member types 2,000 characters into the danger statement (one edit per keystroke, as ProseMirror
 *   writes them), then the server comes back. The clock runs from the first peer connection to
 *   reach "connected" again to the moment both pages show the merged text. Reconnecting itself
 *   (signaling, ICE) is not counted: the budget starts once the members are connected.
 *
 * "Lost" counts edits missing after the merge: records not found, characters not in the text.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type { Page } from '@playwright/test';
import {
  Action,
  ChronologyEntry,
  Outcome,
  createPlan,
  findRecord,
  planRoots,
  richTextFragment,
  setMetaField,
} from '../lib/plan/index.ts';
import { startSignaling } from '../tests/e2e/support/signaling.ts';
import { cutPeerConnections, TRACK_PEER_CONNECTIONS } from '../tests/e2e/pages/sync-page.ts';
import { seededRandom } from '../tests/support/seeded-random.ts';
import { allowCompiledFunctions, openSharedPlan } from './support/shared-plan.ts';
import { percentile, type Figure } from './figure.ts';

const EDITS = 2_000;
const NODE_RUNS = 7;
const BUDGET_MS = 1_000;
/** Bounds on waiting in the browsers; not targets. */
const OFFLINE_TIMEOUT_MS = 30_000;
const MERGE_TIMEOUT_MS = 60_000;

export default async function (): Promise<Figure[]> {
  const node = mergeInNode();
  const browser = await mergeInBrowsers();
  return [
    { name: 'offline merge, 2 × 2,000 edits, Node: step 1 → step 2 both ways (median)', value: node.ms, unit: 'ms', budget: BUDGET_MS },
    { name: 'offline merge, Node: bytes exchanged', value: node.bytes / 1024, unit: 'KB', budget: null },
    { name: 'offline merge, Node: edits lost', value: node.lost, unit: '', budget: 0 },
    { name: 'offline merge, 2 × 2,000 keystrokes, browsers: connected → both rendered', value: browser.ms, unit: 'ms', budget: BUDGET_MS },
    { name: 'offline merge, browsers: characters lost', value: browser.lost, unit: '', budget: 0 },
  ];
}

// ─── Node ───────────────────────────────────────────────────────────────────────────────────────

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  content.insert(0, text);
  element.insert(0, [content]);
  return element;
}

interface Offline {
  doc: Y.Doc;
  /** Ids of the records this member added, by root list. */
  added: { list: 'chronology' | 'outcomes'; id: string; outcomeId?: string }[];
  /** Characters this member typed (each its own edit). */
  typed: string;
}

/** The plan both members had before going offline, identical on both (one update, two docs). */
function sharedPlan(): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 1;
  createPlan(doc, { familyName: 'Benchington', children: [{ name: 'Ava', dob: '2019-03-14' }], profileId: 'national', division: 'england-and-wales', createdBy: 'Sam', createdAt: '2026-01-05' });
  const roots = planRoots(doc);
  for (let i = 0; i < 20; i++) Outcome.add(doc, roots.outcomes, { domain: 'parenting-capacity', statement: `Outcome ${i}` });
  for (let i = 0; i < 200; i++) ChronologyEntry.add(doc, roots.chronology, { date: '2025-06-01', event: `Event ${i}`, agency: 'Police' });
  richTextFragment(doc, 'danger-statement').insert(0, [paragraph('Ava is frightened when the adults argue.')]);
  return Y.encodeStateAsUpdate(doc);
}

/** One member's 2,000 offline edits, each its own transaction, mostly typing (as members do). */
function editOffline(base: Uint8Array, clientID: number, seed: number): Offline {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  Y.applyUpdate(doc, base);
  const random = seededRandom(seed);
  const roots = planRoots(doc);
  const text = (richTextFragment(doc, 'danger-statement').get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const out: Offline = { doc, added: [], typed: '' };
  const letters = clientID === 2 ? 'abcdefghij' : 'ABCDEFGHIJ';
  let at = Math.floor(random() * text.length);
  for (let edit = 0; edit < EDITS; edit++) {
    const roll = random();
    const outcomes = Outcome.liveMaps(roots.outcomes);
    const outcome = outcomes[Math.floor(random() * outcomes.length)]!;
    if (roll < 0.6) {
      // Typing: one character per edit, moving on from where the last one went.
      const ch = letters[edit % letters.length]!;
      doc.transact(() => text.insert(at, ch), 'typing');
      at++;
      out.typed += ch;
    } else if (roll < 0.72) {
      const id = ChronologyEntry.add(doc, roots.chronology, { date: '2026-02-01', event: `Offline ${clientID}.${edit}`, agency: 'Health' });
      out.added.push({ list: 'chronology', id });
    } else if (roll < 0.82) {
      const id = Action.add(doc, Outcome.list(outcome, 'actions'), { description: `Action ${clientID}.${edit}`, status: 'not-started' });
      out.added.push({ list: 'outcomes', id, outcomeId: String(outcome.get('id')) });
    } else if (roll < 0.92) {
      Outcome.set(doc, roots.outcomes, String(outcome.get('id')), 'measure', `Measure ${clientID}.${edit}`);
    } else if (roll < 0.96) {
      setMetaField(doc, { field: 'address', value: `${edit} Offline Road` });
    } else {
      ChronologyEntry.move(doc, roots.chronology, String(roots.chronology.get(Math.floor(random() * 200))!.get('id')), Math.floor(random() * 200));
    }
  }
  return out;
}

const syncFrame = (write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

/** Reads one sync message into `doc`; returns the answer (step 2 for a step 1), if any. */
function readSync(doc: Y.Doc, message: Uint8Array): Uint8Array | null {
  const reply = encoding.createEncoder();
  const type = syncProtocol.readSyncMessage(decoding.createDecoder(message), reply, doc, 'peer', (error) => {
    throw error;
  });
  return type === syncProtocol.messageYjsSyncStep1 ? encoding.toUint8Array(reply) : null;
}

/** What the member typed, in order, is in the merged text as one run, and every record is there. */
function countLost(doc: Y.Doc, member: Offline): number {
  const roots = planRoots(doc);
  let lost = 0;
  for (const record of member.added) {
    const found =
      record.list === 'chronology'
        ? findRecord(roots.chronology, record.id)
        : (() => {
            const outcome = findRecord(roots.outcomes, record.outcomeId!);
            return outcome && findRecord(Outcome.list(outcome, 'actions'), record.id);
          })();
    if (!found) lost++;
  }
  const merged = richTextFragment(doc, 'danger-statement').toString();
  if (!merged.includes(member.typed)) lost += member.typed.length;
  return lost;
}

function mergeInNode(): { ms: number; bytes: number; lost: number } {
  const base = sharedPlan();
  const times: number[] = [];
  let bytes = 0;
  let lost = 0;
  for (let run = 0; run < NODE_RUNS; run++) {
    const a = editOffline(base, 2, 11);
    const b = editOffline(base, 3, 12);
    const t0 = performance.now();
    // The data channel opens: each side sends sync step 1 …
    const step1A = syncFrame((e) => syncProtocol.writeSyncStep1(e, a.doc));
    const step1B = syncFrame((e) => syncProtocol.writeSyncStep1(e, b.doc));
    // … each answers the other's with step 2 …
    const step2ForA = readSync(b.doc, step1A)!;
    const step2ForB = readSync(a.doc, step1B)!;
    // … and each applies what it was missing.
    readSync(a.doc, step2ForA);
    readSync(b.doc, step2ForB);
    times.push(performance.now() - t0);
    bytes = step1A.length + step1B.length + step2ForA.length + step2ForB.length;
    const same =
      Buffer.compare(Y.encodeStateVector(a.doc), Y.encodeStateVector(b.doc)) === 0 &&
      JSON.stringify(planRoots(a.doc).chronology.toJSON()) === JSON.stringify(planRoots(b.doc).chronology.toJSON()) &&
      richTextFragment(a.doc, 'danger-statement').toString() === richTextFragment(b.doc, 'danger-statement').toString();
    if (!same || a.doc.store.pendingStructs || b.doc.store.pendingStructs) throw new Error('offline-merge: the two documents did not converge');
    lost = countLost(a.doc, a) + countLost(a.doc, b) + countLost(b.doc, a) + countLost(b.doc, b);
  }
  return { ms: percentile(times, 50), bytes, lost };
}

// ─── Two browsers ───────────────────────────────────────────────────────────────────────────────

/** Records when each RTCPeerConnection of the page reaches "connected" (installed before any script). */
const RECORD_CONNECTIONS = `(() => {
  const Original = window.RTCPeerConnection;
  if (!Original || window.__connectedAt) return;
  window.__connectedAt = [];
  window.RTCPeerConnection = function (...args) {
    const pc = new Original(...args);
    pc.addEventListener('connectionstatechange', () => {
      if (pc.connectionState === 'connected') window.__connectedAt.push(performance.timeOrigin + performance.now());
    });
    return pc;
  };
  window.RTCPeerConnection.prototype = Original.prototype;
  Object.setPrototypeOf(window.RTCPeerConnection, Original);
})();`;

interface MergeClock {
  expected: string;
  /** The editor's text at the last change. */
  text: string;
  doneAt: number | null;
}

/** In a page: records the first time the editor's text (cursors left out) equals `expected`. */
function watchForText(editor: Element, expected: string): void {
  const textOf = (root: Node) => {
    let text = '';
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest('.ProseMirror-yjs-cursor')) text += (node as Text).data;
    }
    return text;
  };
  const clock: MergeClock = { expected, text: '', doneAt: null };
  const check = () => {
    const at = performance.timeOrigin + performance.now();
    clock.text = textOf(editor);
    if (clock.doneAt === null && clock.text === expected) clock.doneAt = at;
  };
  new MutationObserver(check).observe(editor, { childList: true, characterData: true, subtree: true });
  (window as unknown as { mergeClock: MergeClock }).mergeClock = clock;
  check();
}

/** Characters of `expected` that `actual` lacks, counted per character (order aside). */
function missingCharacters(expected: string, actual: string): number {
  const counts = new Map<string, number>();
  for (const ch of actual) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let missing = 0;
  for (const ch of expected) {
    const n = counts.get(ch) ?? 0;
    if (n > 0) counts.set(ch, n - 1);
    else missing++;
  }
  return missing;
}

async function typeOffline(page: Page, editorText: string, at: 'Control+Home' | 'Control+End', text: string) {
  await page.getByRole('textbox', { name: editorText }).click();
  await page.keyboard.press(at);
  await page.keyboard.type(text);
}

async function mergeInBrowsers(): Promise<{ ms: number; lost: number }> {
  const signaling = await startSignaling();
  const { a, b, close } = await openSharedPlan(signaling.url, `${TRACK_PEER_CONNECTIONS}\n${RECORD_CONNECTIONS}`);
  try {
    const field = 'What we are worried will happen to the children if nothing changes';
    const start = 'Start.';
    await typeOffline(a.page, field, 'Control+End', start);
    await b.page.getByRole('textbox', { name: field }).filter({ hasText: start }).waitFor();

    // The network goes: the server stops and the peer connections drop.
    await signaling.stop();
    await Promise.all([cutPeerConnections(a.page), cutPeerConnections(b.page)]);
    for (const m of [a, b]) await m.sync.peerStatus.filter({ hasText: 'Offline' }).waitFor({ timeout: OFFLINE_TIMEOUT_MS });

    // 2,000 keystrokes each: A at the end of the statement, B at its start.
    const typedA = 'abcdefghij'.repeat(EDITS / 10);
    const typedB = 'KLMNOPQRST'.repeat(EDITS / 10);
    await Promise.all([typeOffline(a.page, field, 'Control+End', typedA), typeOffline(b.page, field, 'Control+Home', typedB)]);
    const expected = typedB + start + typedA;
    for (const m of [a, b]) {
      await allowCompiledFunctions(m.page);
      await m.page.evaluate(() => ((window as unknown as { __connectedAt: number[] }).__connectedAt.length = 0));
      await m.page.getByRole('textbox', { name: field }).evaluate(watchForText, expected);
    }

    // Back online: y-webrtc reconnects through the server, then both sides exchange step 1 and 2.
    await signaling.start();
    for (const m of [a, b]) {
      await m.page
        .waitForFunction(() => (window as unknown as { mergeClock: MergeClock }).mergeClock.doneAt !== null, null, { timeout: MERGE_TIMEOUT_MS })
        .catch(() => {}); // reported below as characters lost
    }
    const read = (page: Page) =>
      page.evaluate(() => {
        const w = window as unknown as { __connectedAt: number[]; mergeClock: MergeClock };
        return { connected: w.__connectedAt, done: w.mergeClock.doneAt, text: w.mergeClock.text };
      });
    const [ra, rb] = [await read(a.page), await read(b.page)];
    const lost = Math.max(missingCharacters(expected, ra.text), missingCharacters(expected, rb.text));
    if (ra.done === null || rb.done === null) {
      throw new Error(`offline-merge: not converged after ${MERGE_TIMEOUT_MS} ms (${lost} characters missing)`);
    }
    // The connection that carried the merge: the last to connect before the first page was done.
    // (After an outage peer-sync.ts rebuilds its provider, so there may be one before it.)
    const firstDone = Math.min(ra.done, rb.done);
    const connected = Math.max(...[...ra.connected, ...rb.connected].filter((t) => t <= firstDone));
    if (!Number.isFinite(connected)) throw new Error('offline-merge: no peer connection was recorded as connected');
    return { ms: Math.max(ra.done, rb.done) - connected, lost };
  } finally {
    await close();
    await signaling.close();
  }
}
