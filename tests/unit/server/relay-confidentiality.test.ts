/**
 * What the relay keeps is ciphertext under an opaque tag. Members' devices push sealed envelopes
 * and a sealed snapshot of a plan with a (fictional) family's details; then the SQLite files and a
 * PostgreSQL dump are searched for the plaintext, the content key, the write key's seed and the
 * plan secret, in raw, hex and base64 forms. The tag is the only thing that names the room.
 * (The end-to-end search for names typed into real clients belongs with the browser client.)
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { RelayClient, roomKeyFromSeed, ZERO16 } from './relay-client.ts';
import { startRelay, withPostgresAndDir, type RelayServer } from './relay-helpers.ts';
import { seal } from './yjs-relay-peer.ts';

const PLAINTEXT = ['Kowalczyk-Abara', 'Riverside Primary', 'Danger statement: Tobias is left alone overnight', 'Ms Hathersage, health visitor'];
const planSecret = randomBytes(32);
// Stand-ins for the client's HKDF outputs: what matters is that none of them reaches the relay.
const contentKey = createHash('sha256').update('content').update(planSecret).digest();
const seed = createHash('sha256').update('write').update(planSecret).digest();
const room = roomKeyFromSeed(seed);

const { postgres, dir } = withPostgresAndDir('relay-confidentiality-');

/** Pushes the fixture as sealed envelopes and a sealed snapshot, like a member's device would. */
async function pushFixture(server: RelayServer): Promise<Buffer[]> {
  const client = await RelayClient.open(server.relayUrl);
  const sealed = PLAINTEXT.map((text) => seal(contentKey, room.tag, Buffer.from(text)));
  expect(await client.push(room, sealed.map((data) => ({ id: randomBytes(16), data })))).toMatchObject({ type: 'pushed' });
  const snapshot = seal(contentKey, room.tag, Buffer.from(PLAINTEXT.slice(0, 2).join('\n')));
  expect(await client.snapshot(room, randomBytes(16), ZERO16, 2, snapshot)).toMatchObject({ type: 'snapshot-stored' });
  client.close();
  return [...sealed.slice(2), snapshot];
}

/** Every form in which a secret or a plaintext could appear in a file or a dump. */
function forbidden(): Array<[what: string, needle: Buffer]> {
  const forms = (what: string, bytes: Buffer): Array<[string, Buffer]> => [
    [what, bytes],
    [`${what} (hex)`, Buffer.from(bytes.toString('hex'))],
    [`${what} (base64)`, Buffer.from(bytes.toString('base64'))],
  ];
  return [
    ...PLAINTEXT.flatMap((text) => [[text, Buffer.from(text)] as [string, Buffer], [`${text} (utf-16)`, Buffer.from(text, 'utf16le')] as [string, Buffer], ...forms(text, Buffer.from(text)).slice(1)]),
    ...forms('plan secret', planSecret),
    ...forms('content key', contentKey),
    ...forms('write key seed', seed),
  ];
}

function expectNoneIn(haystack: Buffer, where: string) {
  const found = forbidden().filter(([, needle]) => haystack.includes(needle)).map(([what]) => what);
  expect(found, `found in ${where}`).toEqual([]);
}

describe('what the relay stores', () => {
  it('on SQLite: the database files hold ciphertext under the tag, and no plaintext, secret or key', async () => {
    const server = await startRelay({ RELAY_DATA_DIR: dir });
    const stillStored = await pushFixture(server);
    await server.stop();
    const files = readdirSync(dir).map((f) => path.join(dir, f));
    const all = Buffer.concat(files.map((f) => readFileSync(f)));
    expectNoneIn(all, files.join(', '));
    // The files do hold what the relay must keep: the ciphertext, under the tag.
    for (const data of stillStored) expect(all.includes(data)).toBe(true);
    expect(all.includes(room.tag)).toBe(true);
    // The tag (with the public key it is the hash of) is all that identifies the room.
    const db = new Database(path.join(dir, 'relay.sqlite'), { readonly: true });
    const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name).sort();
    expect(columns('rooms')).toEqual(['created_at', 'head', 'id', 'log_id', 'snapshot_bytes', 'snapshot_id', 'snapshot_seq', 'tag', 'tail_bytes', 'tail_count', 'updated_at', 'write_key']);
    expect(columns('envelopes')).toEqual(['created_at', 'data', 'envelope_id', 'folded_at', 'room_id', 'seq']);
    expect(columns('snapshots')).toEqual(['created_at', 'data', 'room_id', 'seq', 'snapshot_id']);
    db.close();
  });

  it('on PostgreSQL: a dump holds ciphertext under the tag, and no plaintext, secret or key', async () => {
    const url = await postgres().createDatabase('confidential');
    const server = await startRelay({ DATABASE_URL: url });
    const stillStored = await pushFixture(server);
    await server.stop();
    const dump = Buffer.from(postgres().dump('confidential'));
    expectNoneIn(dump, 'the pg_dump');
    for (const data of stillStored) expect(dump.includes(Buffer.from(data.toString('hex')))).toBe(true);
    expect(dump.includes(Buffer.from(room.tag.toString('hex')))).toBe(true);
  });
});
