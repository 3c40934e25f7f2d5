import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBackup, BACKUP_PROBLEM_MESSAGES, type OpenedBackup } from '../../../lib/export/read-backup.ts';
import { writeBackup } from '../../../lib/export/write-backup.ts';
import { MAX_BACKUP_BYTES, stateDigest } from '../../../lib/export/backup-format.ts';
import { encodeBase64 } from '../../../lib/export/base64.ts';
import { SCHEMA_VERSION, createPlan, planRoots, readChildren, readMeta } from '../../../lib/plan/index.ts';
import { testingtonPlan } from './plan-fixture.ts';
import { memoisedDeriveKey } from './derive-key-memo.ts';

const deriveKey = memoisedDeriveKey();
const PASS = 'a long passphrase';

async function plainFile() {
  return JSON.parse(await writeBackup(testingtonPlan().doc, { exportedAt: '2026-06-01' })) as Record<string, unknown>;
}
async function sealedFile() {
  return JSON.parse(await writeBackup(testingtonPlan().doc, { exportedAt: '2026-06-01', passphrase: PASS, deriveKey })) as Record<string, unknown>;
}
/** A plain file carrying other state, with a matching digest (as if written that way). */
async function withState(state: Uint8Array) {
  const bytes = new Uint8Array(state);
  return { ...(await plainFile()), state: encodeBase64(bytes), stateSha256: await stateDigest(bytes) };
}
const read = (file: unknown, passphrase?: string) => readBackup(typeof file === 'string' ? file : JSON.stringify(file), { passphrase, deriveKey });
const problemOf = (result: OpenedBackup) => (result.ok ? 'ok' : result.problem);

function restored(result: OpenedBackup): Y.Doc {
  if (!result.ok) throw new Error(result.message);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, result.backup.state);
  return doc;
}

describe('readBackup: round trip', () => {
  it('gives back the same document from an unencrypted file, with its summary', async () => {
    const { doc } = testingtonPlan();
    const result = await readBackup(await writeBackup(doc, { exportedAt: '2026-06-01' }));
    expect(result).toMatchObject({
      ok: true,
      backup: { exportedAt: '2026-06-01', encrypted: false, summary: { familyName: 'Testington', childNames: ['Ava', 'Leo'], profileId: 'national', schemaVersion: SCHEMA_VERSION } },
    });
    expect(Y.encodeStateVector(restored(result))).toEqual(Y.encodeStateVector(doc));
    expect(restored(result).getXmlFragment('text:danger-statement').toString()).toBe(doc.getXmlFragment('text:danger-statement').toString());
  });

  it('gives back the same document from an encrypted file with the right passphrase', async () => {
    const { doc } = testingtonPlan();
    const result = await readBackup(await writeBackup(doc, { exportedAt: '2026-06-01', passphrase: PASS, deriveKey }), { passphrase: PASS, deriveKey });
    expect(result).toMatchObject({ ok: true, backup: { encrypted: true } });
    const copy = restored(result);
    expect(readChildren(copy).map((c) => c.name)).toEqual(['Ava', 'Leo']);
    expect(Y.encodeStateAsUpdate(copy)).toEqual(Y.encodeStateAsUpdate(doc));
  });

  it('reads a file saved again with a byte-order mark', async () => {
    const result = await readBackup('\uFEFF' + (await writeBackup(testingtonPlan().doc, { exportedAt: '2026-06-01' })));
    expect(result.ok).toBe(true);
  });

  it('keeps removed records and history: the state is the whole document', async () => {
    const { doc } = testingtonPlan();
    const child = planRoots(doc).children.get(1);
    child.set('deleted', true);
    const copy = restored(await readBackup(await writeBackup(doc, { exportedAt: '2026-06-01' })));
    expect(readChildren(copy).map((c) => c.name)).toEqual(['Ava']);
    expect(planRoots(copy).children.length).toBe(2);
  });
});

describe('readBackup: refusals, each with its message', () => {
  it('refuses an unencrypted file with one character of its state changed (the digest catches it)', async () => {
    const file = await plainFile();
    const state = String(file.state);
    const at = Math.floor(state.length / 2);
    const changed = state.slice(0, at) + (state[at] === 'A' ? 'B' : 'A') + state.slice(at + 1);
    expect(problemOf(await read({ ...file, state: changed }))).toBe('damaged');
  });

  it('asks for the passphrase of an encrypted file', async () => {
    const result = await read(await sealedFile());
    expect(result).toEqual({ ok: false, problem: 'needs-passphrase', message: BACKUP_PROBLEM_MESSAGES['needs-passphrase'] });
  });

  it('refuses a wrong passphrase', async () => {
    const result = await read(await sealedFile(), 'the wrong passphrase');
    expect(result).toEqual({ ok: false, problem: 'wrong-passphrase', message: expect.stringContaining('passphrase is not right') });
  });

  it('refuses an encrypted file whose readable header was edited (it is bound to the ciphertext)', async () => {
    const file = await sealedFile();
    expect(problemOf(await read({ ...file, exportedAt: '2020-01-01' }, PASS))).toBe('wrong-passphrase');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const result = await readBackup(' '.repeat(MAX_BACKUP_BYTES + 1));
    expect(result).toEqual({ ok: false, problem: 'too-large', message: expect.stringContaining('50 MB') });
  });

  it.each([
    ['a text file', 'Dear colleague, please find attached…'],
    ['another JSON file', '{"name":"package","version":"1.0.0"}'],
    ['a JSON list', '[1, 2, 3]'],
    ['JSON null', 'null'],
    ['an empty file', ''],
  ])('refuses %s as not a backup', async (_, text) => {
    const result = await readBackup(text);
    expect(result).toEqual({ ok: false, problem: 'not-a-backup', message: BACKUP_PROBLEM_MESSAGES['not-a-backup'] });
  });

  it('refuses a truncated backup as damaged', async () => {
    const text = JSON.stringify(await plainFile());
    expect(problemOf(await readBackup(text.slice(0, Math.floor(text.length / 2))))).toBe('damaged');
  });

  it('refuses a backup whose state lost its end as damaged', async () => {
    const state = Y.encodeStateAsUpdate(testingtonPlan().doc);
    expect(problemOf(await read(await withState(state.slice(0, Math.floor(state.length / 2)))))).toBe('damaged');
  });

  it('refuses a state that needs updates the file does not hold (pending structs) as damaged', async () => {
    const doc = new Y.Doc();
    createPlan(doc, { familyName: 'Testington', children: [{ name: 'Ava', dob: '2019-03-14' }], profileId: 'national', division: 'england-and-wales', createdBy: '', createdAt: '2026-05-01' });
    const before = Y.encodeStateVector(doc);
    planRoots(doc).meta.set('address', '1 Fictional Road');
    const laterOnly = Y.encodeStateAsUpdate(doc, before);
    expect(problemOf(await read(await withState(laterOnly)))).toBe('damaged');
  });

  it('refuses a state that is not a Yjs update as damaged', async () => {
    expect(problemOf(await read(await withState(new Uint8Array([200, 201, 202, 203]))))).toBe('damaged');
  });

  it.each([
    ['state is not base64', { state: 'not base64!' }],
    ['state is a number', { state: 12 }],
    ['the state’s digest is missing', { stateSha256: undefined }],
    ['the state’s digest is not the state’s', { stateSha256: 'AAAA' }],
    ['the readable copy is missing', { plan: undefined }],
    ['the format version is text', { formatVersion: '1' }],
    ['the schema version is missing', { schemaVersion: undefined }],
    ['the schema version is not whole', { schemaVersion: 0.5 }],
    ['the date is not text', { exportedAt: 20260601 }],
    ['"encrypted" is not true or false', { encrypted: 'no' }],
  ])('refuses a file where %s as damaged', async (_, change) => {
    const result = await read({ ...(await plainFile()), ...change });
    expect(result).toEqual({ ok: false, problem: 'damaged', message: BACKUP_PROBLEM_MESSAGES.damaged });
  });

  it('refuses an encrypted file with its encryption details removed as damaged', async () => {
    expect(problemOf(await read({ ...(await sealedFile()), encryption: undefined }, PASS))).toBe('damaged');
  });

  it('refuses a plan whose schema version is not a whole number as not a plan', async () => {
    const doc = testingtonPlan().doc;
    planRoots(doc).meta.set('schemaVersion', 0.5);
    expect(problemOf(await read(await withState(Y.encodeStateAsUpdate(doc))))).toBe('not-a-plan');
  });

  it.each([
    ['a newer file format', { formatVersion: 2 }],
    ['a newer schema version in the header', { schemaVersion: SCHEMA_VERSION + 1 }],
  ])('refuses %s, asking to update the extension', async (_, change) => {
    const result = await read({ ...(await plainFile()), ...change });
    expect(result).toEqual({ ok: false, problem: 'newer-version', message: expect.stringContaining('newer version of the extension') });
  });

  it('refuses a plan written by a newer schema even when the header claims otherwise', async () => {
    const { doc } = testingtonPlan();
    planRoots(doc).meta.set('schemaVersion', SCHEMA_VERSION + 1);
    expect(problemOf(await read(await withState(Y.encodeStateAsUpdate(doc))))).toBe('newer-version');
  });

  it('refuses a document that holds no plan', async () => {
    const empty = new Y.Doc();
    empty.getMap('something').set('x', 1);
    const result = await read(await withState(Y.encodeStateAsUpdate(empty)));
    expect(result).toEqual({ ok: false, problem: 'not-a-plan', message: BACKUP_PROBLEM_MESSAGES['not-a-plan'] });
  });

  it('ends every refusal message by saying nothing was imported, except the request for a passphrase', () => {
    for (const [problem, message] of Object.entries(BACKUP_PROBLEM_MESSAGES)) {
      if (problem !== 'needs-passphrase') expect(message).toMatch(/Nothing was imported\.$/);
    }
  });

  it('reads the family name from the plan itself, not from the readable copy', async () => {
    const file = await plainFile();
    const result = await read({ ...file, plan: { meta: { familyName: 'Somebody else' } } });
    expect(result.ok && result.backup.summary.familyName).toBe('Testington');
    expect(readMeta(restored(result)).familyName).toBe('Testington');
  });
});
