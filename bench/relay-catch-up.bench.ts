/**
 * Catch-up through the relay (issue 15), with the extension's own relay client against the real
 * relay (SQLite):
 * - after six weeks away: three members make 10,000 small updates (in rounds of 100, as days of
 *   work would come) while a fourth member's browser is closed; it then opens and catches up.
 *   Once from a relay whose members compacted (snapshot + tail), once from one that never compacts
 *   (every update replayed). Budget: ≤ 500 ms to an up-to-date plan from snapshot + tail;
 * - bytes the relay stores for the large fixture plan once shared and compacted, against the
 *   plan's own size (Y.encodeStateAsUpdate). Budget: ≤ 1.5×.
 * The members compact without the random 0–10 s wait (compactDelayMs 0) so the bench runs in
 * seconds; what is compacted is the same.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import type { Figure } from './figure.ts';
import { stopAll, waitFor } from '../tests/unit/server/helpers.ts';
import { startRelay, tempDir, type RelayServer } from '../tests/unit/server/relay-helpers.ts';
import { RelayClient, roomKeyFromSeed } from '../tests/unit/server/relay-client.ts';
import { createInviteSecret } from '../lib/sync/invite.ts';
import { deriveRelayKeys, relayWriteSeed } from '../lib/sync/relay/keys.ts';
import { isSettled, memoryStore, relayDevice, waitSettled, type BenchDevice } from './support/relay-device.ts';
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

/** Six weeks of small edits by three members while `away` is closed; then times `away` catching up. */
async function sixWeeksAway(relay: RelayServer): Promise<{ ms: number; connectMs: number; plainMs: number; envelopes: number; snapshot: boolean }> {
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

  // What the relay would serve the returning member.
  const client = await RelayClient.open(relay.relayUrl);
  const served = await client.sync(roomKeyFromSeed(Buffer.from(await relayWriteSeed(secret))).tag, { after: 1 });
  client.close();

  const doc = new Y.Doc();
  Y.applyUpdate(doc, awayState);
  const started = performance.now();
  const back: BenchDevice = relayDevice(relay.relayUrl, keys, doc, awayStore);
  let connectMs = 0;
  back.sync.onStatus((s) => {
    if (s.connection === 'online' && !connectMs) connectMs = performance.now() - started;
  });
  await waitFor(() => isSettled(back), 60_000, 'the returning member to catch up');
  const ms = performance.now() - started;
  if (doc.getText('notes').toString() !== members[0]!.doc.getText('notes').toString()) throw new Error('the returning member did not converge');
  // The floor: Yjs alone merging the same state into the same old copy (no relay, no guard).
  const floorDoc = new Y.Doc();
  Y.applyUpdate(floorDoc, awayState);
  const whole = Y.encodeStateAsUpdate(members[0]!.doc);
  const floorStarted = performance.now();
  Y.applyUpdate(floorDoc, whole);
  const plainMs = performance.now() - floorStarted;
  await Promise.all([...members, back].map((m) => m.sync.destroy()));
  return { ms, connectMs, plainMs, envelopes: served.entries.length, snapshot: served.snapshots.length > 0 };
}

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
    const compacting = await startRelay({ ...UNLIMITED, RELAY_DATA_DIR: temps[0]!.dir });
    const compacted = await sixWeeksAway(compacting);
    await compacting.stop();
    const neverCompacting = await startRelay({ ...UNLIMITED, RELAY_DATA_DIR: temps[1]!.dir, RELAY_COMPACT_AFTER_ENVELOPES: NEVER, RELAY_COMPACT_AFTER_BYTES: String(2 ** 40) });
    const replayed = await sixWeeksAway(neverCompacting);
    await neverCompacting.stop();
    const large = await startRelay({ ...UNLIMITED, RELAY_DATA_DIR: temps[2]!.dir });
    const stored = await largePlanStored(large, temps[2]!.dir);
    await large.stop();
    console.error(
      `relay catch-up: snapshot + ${compacted.envelopes} envelopes ${compacted.ms.toFixed(0)} ms (connected after ${compacted.connectMs.toFixed(0)} ms; Yjs alone merging the whole state: ${compacted.plainMs.toFixed(0)} ms); replaying ${replayed.envelopes} envelopes ${replayed.ms.toFixed(0)} ms; ` +
        `ratio ${(replayed.ms / compacted.ms).toFixed(1)}×. Large plan ${stored.planBytes} bytes, relay keeps ${stored.storedBytes} bytes of ciphertext (${stored.fileBytes} bytes of SQLite files)`,
    );
    if (!compacted.snapshot || replayed.snapshot) throw new Error('relay-catch-up: the compacting relay has no snapshot, or the other one has');
    return [
      { name: 'relay catch-up after six weeks (10,000 updates, snapshot + tail)', value: Math.round(compacted.ms), unit: 'ms', budget: 500 },
      { name: 'relay catch-up after six weeks (10,000 updates, replaying every update)', value: Math.round(replayed.ms), unit: 'ms', budget: null },
      { name: 'relay catch-up: Yjs alone merging the same state (the floor)', value: Math.round(compacted.plainMs), unit: 'ms', budget: null },
      { name: 'relay catch-up: replay ÷ snapshot + tail', value: Number((replayed.ms / compacted.ms).toFixed(1)), unit: '×', budget: null },
      { name: 'relay bytes stored for the large plan after compaction ÷ plan size', value: Number((stored.storedBytes / stored.planBytes).toFixed(2)), unit: '×', budget: 1.5 },
    ];
  } finally {
    await stopAll();
    for (const t of temps) t.cleanup();
  }
}
