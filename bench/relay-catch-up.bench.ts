/**
 * Catch-up through the relay (issue 15), with the extension's own relay client against the real
 * relay (SQLite):
 * - after six weeks away: three members make 10,000 small updates (in rounds of 100, as days of
 *   work would come) while a fourth member's browser is closed; it then opens and catches up.
 *   Once from a relay whose members compacted (snapshot + tail), once from one that never compacts
 *   (every update replayed), both through the same client path (decrypting, the update guard).
 *   The two are taken in turns, five each, and the medians printed, with the time to connect and
 *   the time in the guard (its checks and Yjs applying). Budget: ≤ 500 ms to an up-to-date plan
 *   from snapshot + tail;
 * - bytes the relay stores for the large fixture plan once shared and compacted, against the
 *   plan's own size (Y.encodeStateAsUpdate). Budget: ≤ 1.5×.
 * The members compact without the random 0–10 s wait (compactDelayMs 0) so the bench runs in
 * seconds; what is compacted is the same.
 */
import { benchAuth } from './support/bench-auth.ts';
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { percentile, type Figure } from './figure.ts';
import { sleep, stopAll, waitFor } from '../tests/unit/server/helpers.ts';
import { startRelay, tempDir, type RelayServer } from '../tests/unit/server/relay-helpers.ts';
import { RelayClient, roomKeyFromSeed } from '../tests/unit/server/relay-client.ts';
import { createInviteSecret } from '../lib/sync/invite.ts';
import { deriveRelayKeys, relayWriteSeed } from '../lib/sync/relay/keys.ts';
import { deviceOptions, isSettled, memoryStore, relayDevice, waitSettled } from './support/relay-device.ts';
import { createUpdateGuard, type UpdateGuard } from '../lib/sync/guard/update-guard.ts';
import type { RelayStore } from '../lib/sync/relay/relay-store.ts';
import { startRelaySync, type RelayStatus } from '../lib/sync/relay/relay-sync.ts';
import { generateLargePlan } from './fixtures/large-plan.ts';
import { seededRandom } from '../tests/support/seeded-random.ts';

const UPDATES = 10_000;
const ROUND = 100;
const UNLIMITED = {
  RELAY_RATE_LIMIT_PER_SECOND: '10000000', RELAY_RATE_LIMIT_BURST: '10000000',
  IP_RATE_LIMIT_PER_SECOND: '10000000', IP_RATE_LIMIT_BURST: '10000000',
  IP_BYTES_PER_SECOND: String(1024 ** 4), IP_BYTES_BURST: String(1024 ** 4), LOG_INTERVAL_MS: '600000',
};
const NEVER = '1000000000';
const CATCH_UPS = 5;

interface CatchUpRun {
  ms: number;
  /** Until the relay greeted the returning member. */
  connectMs: number;
  /** Inside the update guard: its checks and Yjs applying what passed. */
  guardMs: number;
}

interface Away {
  /** One returning member opening the plan from its copy on disk and catching up; may be repeated. */
  catchUp(): Promise<CatchUpRun>;
  /** Yjs alone merging the same state into the same old copy (no relay, no guard). */
  plainMs(): number;
  envelopes: number;
  snapshot: boolean;
  stop(): Promise<void>;
}

/**
 * Six weeks of small edits by three members while a fourth is closed. The members close too before
 * anything is timed, once the relay has settled (a compaction they started is stored), so the
 * catch-up never shares the machine with their work.
 */
async function sixWeeksAway(relay: RelayServer): Promise<Away> {
  const secret = createInviteSecret();
  const keys = await deriveRelayKeys(secret);
  const members = [0, 1, 2].map(() => relayDevice(relay.relayUrl, keys));
  // The fourth member joins, syncs once and closes the browser: its doc and records stay on disk.
  const away = relayDevice(relay.relayUrl, keys);
  members[0]!.doc.getMap('meta').set('familyName', 'Testington');
  await waitSettled([...members, away]);
  await waitFor(() => away.doc.getMap('meta').get('familyName') === 'Testington', 10_000, 'the fourth member to have the plan');
  const awayState = Y.encodeStateAsUpdate(away.doc);
  const awayStore = away.store;
  await away.sync.destroy();

  const random = seededRandom(20261207);
  for (let made = 0; made < UPDATES; made += ROUND) {
    for (let i = made; i < made + ROUND; i++) {
      const doc = members[i % 3]!.doc;
      const notes = doc.getText('notes');
      if (notes.length > 40 && random() < 0.3) notes.delete(Math.floor(random() * (notes.length - 5)), 3);
      else notes.insert(Math.floor(random() * (notes.length + 1)), `w${i} `);
      if (i % 10 === 0) doc.getMap('actions').set(`a${i % 400}`, `due ${i}`);
    }
    await waitSettled(members);
  }
  const heads = () => members.map((m) => Y.encodeStateVector(m.doc).join(','));
  await waitFor(() => new Set(heads()).size === 1 && members.every(isSettled), 60_000, 'members to converge');
  const latest = members[0]!.doc;
  await Promise.all(members.map((m) => m.sync.destroy()));

  // What the relay serves the returning member, once two looks in a row agree.
  const tag = roomKeyFromSeed(Buffer.from(await relayWriteSeed(secret))).tag;
  const client = await RelayClient.open(relay.relayUrl);
  let served = await client.sync(tag, { after: 1 });
  const shape = (s: typeof served) => `${s.end.state.head}/${s.snapshots.length}/${s.entries.length}`;
  for (let previous = ''; shape(served) !== previous; ) {
    previous = shape(served);
    await sleep(200);
    served = await client.sync(tag, { after: 1 });
  }
  client.close();

  return {
    envelopes: served.entries.length,
    snapshot: served.snapshots.length > 0,
    async catchUp() {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, awayState);
      const guard = timedGuard(doc);
      const store = await copyOf(awayStore);
      const started = performance.now();
      let connectMs = 0;
      const sync = startRelaySync(doc, keys, { ...deviceOptions(relay.relayUrl), guard, store, auth: benchAuth(doc) });
      await new Promise<void>((resolve) => {
        const check = (s: RelayStatus) => {
          if (s.connection === 'online' && !connectMs) connectMs = performance.now() - started;
          if (s.caughtUp && s.waiting === 0) resolve();
        };
        sync.onStatus(check);
        check(sync.status);
      });
      const ms = performance.now() - started;
      await sync.destroy();
      if (doc.getText('notes').toString() !== latest.getText('notes').toString()) throw new Error('the returning member did not converge');
      return { ms, connectMs, guardMs: guard.ms };
    },
    plainMs() {
      const floorDoc = new Y.Doc();
      Y.applyUpdate(floorDoc, awayState);
      const whole = Y.encodeStateAsUpdate(latest);
      const floorStarted = performance.now();
      Y.applyUpdate(floorDoc, whole);
      return performance.now() - floorStarted;
    },
    stop: () => relay.stop(),
  };
}

/** The device's update guard, adding up the time spent in it. */
function timedGuard(doc: Y.Doc): UpdateGuard & { ms: number } {
  const guard = createUpdateGuard(doc);
  const timed = Object.create(guard) as UpdateGuard & { ms: number };
  timed.ms = 0;
  timed.applyRemoteUpdate = (update, origin) => {
    const started = performance.now();
    const verdict = guard.applyRemoteUpdate(update, origin);
    timed.ms += performance.now() - started;
    return verdict;
  };
  return timed;
}

/** A copy of a device's relay records as they were on disk (each catch-up starts from them). */
async function copyOf(store: RelayStore): Promise<RelayStore> {
  const copy = memoryStore();
  for (const key of await store.keys('')) await copy.set(key, structuredClone(await store.get(key)));
  return copy;
}

const median = (values: number[]) => percentile(values, 50);

/** The large fixture plan shared through the relay, then 400 small edits; the bytes the relay keeps. */
async function largePlanStored(relay: RelayServer, dataDir: string): Promise<{ planBytes: number; storedBytes: number; fileBytes: number }> {
  const secret = createInviteSecret();
  const keys = await deriveRelayKeys(secret);
  const doc = generateLargePlan();
  const planBytes = Y.encodeStateAsUpdate(doc).length;
  const member = relayDevice(relay.relayUrl, keys, doc, memoryStore());
  await waitSettled([member]);
  const notes = doc.getText('relay-bench');
  for (let i = 0; i < 400; i++) {
    notes.insert(notes.length, `${randomBytes(3).toString('hex')} `);
    if (i % 50 === 49) await waitSettled([member]);
  }
  await waitSettled([member]);
  const tag = roomKeyFromSeed(Buffer.from(await relayWriteSeed(secret))).tag;
  const client = await RelayClient.open(relay.relayUrl);
  // Compaction follows the tail passing 300 envelopes; wait for the snapshot to cover it.
  let stored = 0;
  await waitFor(async () => {
    const s = await client.sync(tag);
    stored = s.snapshots.reduce((n, f) => n + f.data.length, 0) + s.end.state.tailBytes;
    return s.end.state.tailCount < 300 && s.snapshots.length === 1;
  }, 60_000, 'compaction');
  client.close();
  await member.sync.destroy();
  const fileBytes = readdirSync(dataDir).reduce((n, f) => n + statSync(path.join(dataDir, f)).size, 0);
  return { planBytes: Math.round(Y.encodeStateAsUpdate(doc).length), storedBytes: stored, fileBytes };
}

export default async function (): Promise<Figure[]> {
  const temps = [tempDir('relay-catch-up-'), tempDir('relay-replay-'), tempDir('relay-large-')];
  try {
    const compacting = await sixWeeksAway(await startRelay({ ...UNLIMITED, RELAY_DATA_DIR: temps[0]!.dir }));
    const replaying = await sixWeeksAway(
      await startRelay({ ...UNLIMITED, RELAY_DATA_DIR: temps[1]!.dir, RELAY_COMPACT_AFTER_ENVELOPES: NEVER, RELAY_COMPACT_AFTER_BYTES: String(2 ** 40) }),
    );
    // Taken in turns, so that neither way runs on a colder process or a busier machine than the other.
    const runs: { compacted: CatchUpRun[]; replayed: CatchUpRun[] } = { compacted: [], replayed: [] };
    for (let i = 0; i < CATCH_UPS; i++) {
      runs.compacted.push(await compacting.catchUp());
      runs.replayed.push(await replaying.catchUp());
    }
    const plainMs = median([0, 1, 2].map(() => compacting.plainMs()));
    await compacting.stop();
    await replaying.stop();
    const summary = (r: CatchUpRun[]) => ({ ms: median(r.map((x) => x.ms)), connectMs: median(r.map((x) => x.connectMs)), guardMs: median(r.map((x) => x.guardMs)) });
    const compacted = { ...summary(runs.compacted), envelopes: compacting.envelopes, snapshot: compacting.snapshot };
    const replayed = { ...summary(runs.replayed), envelopes: replaying.envelopes, snapshot: replaying.snapshot };
    const large = await startRelay({ ...UNLIMITED, RELAY_DATA_DIR: temps[2]!.dir });
    const stored = await largePlanStored(large, temps[2]!.dir);
    await large.stop();
    console.error(
      `relay catch-up (median of ${CATCH_UPS}, taken in turns): snapshot + ${compacted.envelopes} envelopes ${compacted.ms.toFixed(0)} ms (connected after ${compacted.connectMs.toFixed(0)} ms, ${compacted.guardMs.toFixed(0)} ms in the guard with Yjs applying); ` +
        `replaying ${replayed.envelopes} envelopes ${replayed.ms.toFixed(0)} ms (connected after ${replayed.connectMs.toFixed(0)} ms, ${replayed.guardMs.toFixed(0)} ms in the guard); Yjs alone merging the whole state: ${plainMs.toFixed(0)} ms; ` +
        `all times: snapshot ${runs.compacted.map((r) => r.ms.toFixed(0)).join(', ')}; replay ${runs.replayed.map((r) => r.ms.toFixed(0)).join(', ')}; ` +
        `ratio ${(replayed.ms / compacted.ms).toFixed(1)}×. Large plan ${stored.planBytes} bytes, relay keeps ${stored.storedBytes} bytes of ciphertext (${stored.fileBytes} bytes of SQLite files)`,
    );
    if (!compacted.snapshot || replayed.snapshot) throw new Error('relay-catch-up: the compacting relay has no snapshot, or the other one has');
    return [
      { name: 'relay catch-up after six weeks (10,000 updates, snapshot + tail)', value: Math.round(compacted.ms), unit: 'ms', budget: 500 },
      { name: 'relay catch-up after six weeks (10,000 updates, replaying every update)', value: Math.round(replayed.ms), unit: 'ms', budget: null },
      { name: 'relay catch-up: Yjs alone merging the same state (the floor)', value: Math.round(plainMs), unit: 'ms', budget: null },
      { name: 'relay catch-up: replay ÷ snapshot + tail', value: Number((replayed.ms / compacted.ms).toFixed(1)), unit: '×', budget: null },
      { name: 'relay bytes stored for the large plan after compaction ÷ plan size', value: Number((stored.storedBytes / stored.planBytes).toFixed(2)), unit: '×', budget: 1.5 },
    ];
  } finally {
    await stopAll();
    for (const t of temps) t.cleanup();
  }
}
