import 'fake-indexeddb/auto';
import { DEVICE_DB } from '../../../lib/membership/index.ts';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { importBackup } from '../../../lib/export/import-backup.ts';
import { storeImportedPlan } from '../../../lib/export/store-imported-plan.ts';
import { writeBackup } from '../../../lib/export/write-backup.ts';
import { listPlans } from '../../../lib/library/plan-index.ts';
import { openPlanSession } from '../../../lib/sync/plan-session.ts';
import { readChildren, readMeta, richTextFragment } from '../../../lib/plan/index.ts';
import { memoryArea } from '../helpers/memory-area.ts';
import { testingtonPlan } from './plan-fixture.ts';
import { memoisedDeriveKey } from './derive-key-memo.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const deriveKey = memoisedDeriveKey();
/** The plans' databases (the profile's device identity, lib/membership, is not a plan's). */
const databases = async () => (await indexedDB.databases()).map((d) => d.name).filter((name) => name !== DEVICE_DB);

describe('importBackup', () => {
  it('creates a new plan on this device with the same content, listed under its family name', async () => {
    const area = memoryArea();
    const { doc } = testingtonPlan();
    const result = await importBackup(await writeBackup(doc, { exportedAt: '2026-06-01' }), { create: storeImportedPlan(area, '2026-06-02') });
    expect(result).toMatchObject({ ok: true, familyName: 'Testington' });
    if (!result.ok) return;
    expect(await listPlans(area)).toEqual([
      { id: result.planId, familyName: 'Testington', childNames: ['Ava', 'Leo'], profileId: 'national', division: 'england-and-wales', createdAt: '2026-06-02' },
    ]);
    const session = await openPlanSession(result.planId);
    expect(readMeta(session.doc).familyName).toBe('Testington');
    expect(readChildren(session.doc).map((c) => c.name)).toEqual(['Ava', 'Leo']);
    expect(richTextFragment(session.doc, 'danger-statement').toString()).toBe(richTextFragment(doc, 'danger-statement').toString());
    await session.close();
  });

  it('gives every import its own new id: importing twice makes two plans', async () => {
    const area = memoryArea();
    const text = await writeBackup(testingtonPlan().doc, { exportedAt: '2026-06-01', passphrase: 'a long passphrase', deriveKey });
    const create = storeImportedPlan(area, '2026-06-02');
    const a = await importBackup(text, { passphrase: 'a long passphrase', deriveKey, create });
    const b = await importBackup(text, { passphrase: 'a long passphrase', deriveKey, create });
    expect(a.ok && b.ok && a.planId !== b.planId).toBe(true);
    expect((await listPlans(area)).map((p) => p.familyName)).toEqual(['Testington', 'Testington']);
  });

  it('never reaches the create step for a refused file, and stores nothing', async () => {
    const area = memoryArea();
    const create = vi.fn(storeImportedPlan(area, '2026-06-02'));
    const text = await writeBackup(testingtonPlan().doc, { exportedAt: '2026-06-01', passphrase: 'a long passphrase', deriveKey });
    const result = await importBackup(text, { passphrase: 'wrong', deriveKey, create });
    expect(result).toMatchObject({ ok: false, problem: 'wrong-passphrase' });
    expect(create).not.toHaveBeenCalled();
    expect(await listPlans(area)).toEqual([]);
    expect(await databases()).toEqual([]);
  });

  it('deletes the half-made database and lists nothing when storing fails part way', async () => {
    const area = memoryArea();
    area.set = () => Promise.reject(new Error('storage is full'));
    const result = await importBackup(await writeBackup(testingtonPlan().doc, { exportedAt: '2026-06-01' }), { create: storeImportedPlan(area, '2026-06-02') });
    expect(result).toEqual({ ok: false, problem: 'not-stored', message: 'The plan could not be stored on this device (storage is full). Nothing was imported.' });
    expect(await databases()).toEqual([]);
    expect(area.data.size).toBe(0);
  });

  it('restores the document byte for byte apart from nothing: same state vector as the original', async () => {
    const area = memoryArea();
    const { doc } = testingtonPlan();
    const result = await importBackup(await writeBackup(doc, { exportedAt: '2026-06-01' }), { create: storeImportedPlan(area, '2026-06-02') });
    if (!result.ok) throw new Error(result.message);
    const session = await openPlanSession(result.planId);
    expect(Y.encodeStateVector(session.doc)).toEqual(Y.encodeStateVector(doc));
    await session.close();
  });
});
