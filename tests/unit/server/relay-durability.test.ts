/**
 * kill -9 of the relay in the middle of 2,000 edits from three members' devices (Node peers holding
 * Y.Docs, sealing each update into an envelope): every envelope the relay acknowledged before it
 * died is there after the restart, none is stored twice although the outboxes pushed again, the
 * log keeps its identity, and the three documents converge. On SQLite and on PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { waitFor } from './helpers.ts';
import { newRoomKey, RelayClient } from './relay-client.ts';
import { startRelay, withPostgresAndDir, type RelayServer } from './relay-helpers.ts';
import { YjsRelayPeer } from './yjs-relay-peer.ts';

const EDITS = 2_000;
const MEMBERS = ['health-visitor', 'school', 'social-worker'];

const { postgres, dir } = withPostgresAndDir('relay-durability-');

async function killDuringEdits(start: () => Promise<RelayServer>) {
  let server = await start();
  const room = newRoomKey();
  const contentKey = randomBytes(32);
  const peers = MEMBERS.map((name) => new YjsRelayPeer(name, room, contentKey, () => server.relayUrl));
  await Promise.all(peers.map((p) => p.connect()));
  const ackedCount = () => peers.reduce((n, p) => n + p.acked.size, 0);
  const perPeer = Math.ceil(EDITS / peers.length);

  const editing = peers.map(async (peer, p) => {
    for (let i = 0; i < perPeer && p * perPeer + i < EDITS; i++) {
      peer.doc.transact(() => {
        peer.doc.getMap('actions').set(`${peer.name}-${i}`, { owner: peer.name, order: i });
        peer.doc.getArray('chronology').push([`${peer.name} ${i}`]);
      });
      if (i % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 2));
    }
  });
  await waitFor(() => ackedCount() >= EDITS / 4, 60_000, 'a quarter of the edits acknowledged');
  const logId = peers[0]!.logId;
  await server.kill();
  const ackedBeforeKill = new Set(peers.flatMap((p) => [...p.acked]));
  expect(ackedBeforeKill.size).toBeLessThan(EDITS); // it really died mid-way
  await Promise.all(editing);

  server = await start();
  await waitFor(
    () => peers.every((p) => p.connected && p.outbox.size === 0) && ackedCount() === EDITS,
    60_000,
    'every outbox pushed after the restart',
  );
  const reader = await RelayClient.open(server.relayUrl);
  const all = await reader.sync(room.tag);
  reader.close();
  await waitFor(() => peers.every((p) => p.lastSeq === all.end.state.head), 30_000, 'every peer caught up');

  const stored = all.entries.map((e) => e.id.toString('hex'));
  const missing = [...ackedBeforeKill].filter((id) => !stored.includes(id));
  expect(missing).toEqual([]);
  expect(new Set(stored).size).toBe(stored.length);
  expect(stored).toHaveLength(EDITS);
  expect(all.end.state.logId.equals(logId)).toBe(true);
  expect(peers.map((p) => p.resets)).toEqual([0, 0, 0]);

  const [first, ...rest] = peers.map((p) => p.doc.getMap('actions').toJSON());
  expect(Object.keys(first!)).toHaveLength(EDITS);
  for (const other of rest) expect(other).toEqual(first);
  const logs = peers.map((p) => p.doc.getArray('chronology').toJSON());
  for (const other of logs.slice(1)) expect(other).toEqual(logs[0]);
  for (const p of peers) p.stop();
  await server.stop();
  return { ackedBeforeKill: ackedBeforeKill.size };
}

describe('kill -9 of the relay during 2,000 edits', () => {
  it('on SQLite: every acknowledged envelope survives, none twice, and the members converge', { timeout: 180_000 }, async () => {
    const { ackedBeforeKill } = await killDuringEdits(() => startRelay({ RELAY_DATA_DIR: dir, RELAY_RATE_LIMIT_PER_SECOND: '100000', RELAY_RATE_LIMIT_BURST: '100000' }));
    expect(ackedBeforeKill).toBeGreaterThanOrEqual(EDITS / 4);
  });

  it('on PostgreSQL: the same', { timeout: 180_000 }, async () => {
    const url = await postgres().createDatabase('durability');
    const { ackedBeforeKill } = await killDuringEdits(() => startRelay({ DATABASE_URL: url, RELAY_RATE_LIMIT_PER_SECOND: '100000', RELAY_RATE_LIMIT_BURST: '100000' }));
    expect(ackedBeforeKill).toBeGreaterThanOrEqual(EDITS / 4);
  });
});
