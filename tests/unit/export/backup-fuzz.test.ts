/**
 * Fuzzing import: well over a thousand mutated backup files (bit flips, truncation, JSON field
 * mutations, random bytes, wrong types, huge strings, and Yjs states mangled under a matching digest
 * so they reach the Yjs decoder). For every file: importBackup resolves (never throws or hangs),
 * returns a typed result, and a refused file never reaches the create step. A file that is
 * accepted must hold a whole plan. The PRNG is seeded: set FUZZ_SEED to replay; the seed and the
 * case are printed on failure.
 */
import { describe, expect, it, onTestFailed } from 'vitest';
import * as Y from 'yjs';
import { importBackup, type CreateFromBackup } from '../../../lib/export/import-backup.ts';
import { writeBackup } from '../../../lib/export/write-backup.ts';
import { stateDigest } from '../../../lib/export/backup-format.ts';
import { decodeBase64, encodeBase64 } from '../../../lib/export/base64.ts';
import type { ValidBackup } from '../../../lib/export/read-backup.ts';
import { planRoots, SCHEMA_VERSION } from '../../../lib/plan/index.ts';
import { testingtonPlan } from './plan-fixture.ts';
import { memoisedDeriveKey } from './derive-key-memo.ts';
import { seededRandom } from '../../support/seeded-random.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20260601);
const CASES_PER_MUTATOR = 110;
const PASS = 'a long passphrase';
const deriveKey = memoisedDeriveKey();

/** The seeded generator, with the two helpers the mutations use. */
function prng(seed: number) {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)]! };
}
type Rng = ReturnType<typeof prng>;

const randomBytes = (rng: Rng, n: number) => Uint8Array.from({ length: n }, () => rng.int(256));
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');

function randomValue(rng: Rng): unknown {
  return rng.pick<() => unknown>([
    () => null,
    () => true,
    () => rng.int(2 ** 31) - 2 ** 30,
    () => rng.next() * 1e308,
    () => -1,
    () => 0,
    () => SCHEMA_VERSION + 1 + rng.int(5),
    () => 1e21,
    () => '',
    () => latin1(randomBytes(rng, rng.int(40))),
    () => 'A'.repeat(rng.int(3) === 0 ? 2_000_000 : 100),
    () => encodeBase64(randomBytes(rng, rng.int(64))),
    () => [],
    () => [1, 'two', null],
    () => ({}),
    () => ({ nested: { deeper: [rng.next()] } }),
  ])();
}

/** Every path to a value in a JSON tree (objects and arrays), for field mutations. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...prefix, k]))];
}

function mutateField(json: unknown, rng: Rng): unknown {
  const copy = structuredClone(json);
  // Header fields most of the time: deep inside the readable copy matters less.
  const all = paths(copy).filter((p) => p.length > 0);
  const shallow = all.filter((p) => p.length <= 2 && p[0] !== 'plan');
  const path = rng.int(4) === 0 ? rng.pick(all) : rng.pick(shallow);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (rng.int(5) === 0) delete parent[last];
  else parent[last] = randomValue(rng);
  return copy;
}

function flipBits(text: string, rng: Rng): string {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0, n = 1 + rng.int(8); i < n; i++) bytes[rng.int(bytes.length)]! ^= 1 << rng.int(8);
  return new TextDecoder().decode(bytes);
}

/** A Yjs state mangled in one of several ways. */
function mangleState(state: Uint8Array, rng: Rng, other: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(state);
  switch (rng.int(6)) {
    case 0:
      for (let i = 0, n = 1 + rng.int(4); i < n; i++) bytes[rng.int(bytes.length)]! ^= 1 << rng.int(8);
      return bytes;
    case 1:
      return bytes.slice(0, rng.int(bytes.length));
    case 2: {
      const at = rng.int(bytes.length);
      return new Uint8Array([...bytes.slice(0, at), ...randomBytes(rng, 1 + rng.int(16)), ...bytes.slice(at)]);
    }
    case 3:
      return new Uint8Array([...bytes.slice(0, rng.int(bytes.length)), ...other.slice(rng.int(other.length))]);
    case 4:
      bytes[rng.int(Math.min(8, bytes.length))] = 0xff;
      return bytes;
    default:
      return randomBytes(rng, rng.int(2048));
  }
}

interface Bases {
  plain: string;
  sealed: string;
  state: Uint8Array;
  other: Uint8Array;
}

async function bases(): Promise<Bases> {
  const { doc } = testingtonPlan();
  const otherDoc = testingtonPlan().doc;
  planRoots(otherDoc).meta.set('address', 'Elsewhere');
  return {
    plain: await writeBackup(doc, { exportedAt: '2026-06-01' }),
    sealed: await writeBackup(doc, { exportedAt: '2026-06-01', passphrase: PASS, deriveKey }),
    state: Y.encodeStateAsUpdate(doc),
    other: Y.encodeStateAsUpdate(otherDoc),
  };
}

type Mutator = (rng: Rng, b: Bases) => Promise<{ text: string; passphrase?: string }>;

const MUTATORS: Record<string, Mutator> = {
  'bit flips in a plain file': async (rng, b) => ({ text: flipBits(b.plain, rng) }),
  'bit flips in an encrypted file': async (rng, b) => ({ text: flipBits(b.sealed, rng), passphrase: PASS }),
  truncation: async (rng, b) => {
    const text = rng.int(2) ? b.plain : b.sealed;
    return { text: text.slice(0, rng.int(text.length)), passphrase: PASS };
  },
  'JSON field mutations of a plain file': async (rng, b) => ({ text: JSON.stringify(mutateField(JSON.parse(b.plain), rng)) }),
  'JSON field mutations of an encrypted file': async (rng, b) => ({ text: JSON.stringify(mutateField(JSON.parse(b.sealed), rng)), passphrase: PASS }),
  'random bytes': async (rng) => ({ text: latin1(randomBytes(rng, rng.int(4096))) }),
  'wrong types': async (rng) => ({ text: JSON.stringify(randomValue(rng)) }),
  'huge strings': async (rng, b) => {
    const file = JSON.parse(b.plain);
    const field = rng.pick(['state', 'exportedAt', 'format', 'stateSha256']);
    // A megabyte or so: the 50 MB cap itself is tested in read-backup.test.ts.
    file[field] = field === 'state' ? 'QUFB'.repeat(250_000 + rng.int(1000)) : 'x'.repeat(1_000_000 + rng.int(1000));
    return { text: JSON.stringify(file) };
  },
  'mangled Yjs state under a matching digest': async (rng, b) => {
    const state = mangleState(b.state, rng, b.other);
    const file = JSON.parse(b.plain);
    file.state = encodeBase64(state);
    file.stateSha256 = await stateDigest(new Uint8Array(state));
    return { text: JSON.stringify(file) };
  },
  'ciphertext bit flips': async (rng, b) => {
    const file = JSON.parse(b.sealed);
    const bytes = decodeBase64(file.ciphertext)!;
    bytes[rng.int(bytes.length)]! ^= 1 << rng.int(8);
    file.ciphertext = encodeBase64(bytes);
    return { text: JSON.stringify(file), passphrase: PASS };
  },
  // A few wrong passphrases, so each key is derived once (600,000 PBKDF2 rounds take a while).
  'wrong passphrase': async (rng, b) => ({ text: b.sealed, passphrase: rng.pick(['', ' ', 'a long passphras', 'A long passphrase', 'a long passphrase ', 'ключ']) }),
};

/** The create step as a spy: records what reached it and checks it is a whole plan. */
function spyCreate(): CreateFromBackup & { reached: ValidBackup[] } {
  const create = (async (backup: ValidBackup) => {
    create.reached.push(backup);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, backup.state);
    if (doc.store.pendingStructs || doc.store.pendingDs) throw new Error('an incomplete state reached create');
    if (typeof planRoots(doc).meta.get('schemaVersion') !== 'number') throw new Error('a state with no plan reached create');
    return 'new-plan-id';
  }) as CreateFromBackup & { reached: ValidBackup[] };
  create.reached = [];
  return create;
}

describe('importBackup under fuzzing', () => {
  it(`refuses or wholly accepts ${Object.keys(MUTATORS).length * CASES_PER_MUTATOR} mutated files, never crashing (seed ${SEED})`, async () => {
    const b = await bases();
    const rng = prng(SEED);
    let current = '';
    onTestFailed(() => console.error(`backup fuzz failed: FUZZ_SEED=${SEED}, ${current}`));
    const tally = { accepted: 0, refused: 0, cases: 0 };
    const problems = new Map<string, number>();
    for (const [name, mutate] of Object.entries(MUTATORS)) {
      for (let i = 0; i < CASES_PER_MUTATOR; i++) {
        current = `mutator "${name}", case ${i}`;
        const { text, passphrase } = await mutate(rng, b);
        const create = spyCreate();
        const result = await importBackup(text, { passphrase, deriveKey, create });
        tally.cases++;
        expect(typeof result.ok, current).toBe('boolean');
        if (result.ok) {
          tally.accepted++;
          expect(create.reached, current).toHaveLength(1);
          expect(result.planId, current).toBe('new-plan-id');
        } else {
          tally.refused++;
          expect(create.reached, `${current}: a refused file reached create`).toHaveLength(0);
          expect(result.problem, current).not.toBe('not-stored');
          expect(result.message.length, current).toBeGreaterThan(20);
          problems.set(result.problem, (problems.get(result.problem) ?? 0) + 1);
        }
      }
    }
    expect(tally.cases).toBeGreaterThanOrEqual(1000);
    // Damage that still decodes (a flipped bit in the readable copy) may be accepted, but most is not.
    expect(tally.refused).toBeGreaterThan(tally.cases * 0.8);
    console.info(`backup fuzz (seed ${SEED}): ${tally.cases} files, ${tally.refused} refused, ${tally.accepted} accepted`, Object.fromEntries(problems));
  }, 600_000);
});
