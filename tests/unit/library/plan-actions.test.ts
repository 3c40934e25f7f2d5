import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createNewPlan, deletePlan, ensureInviteSecret, joinPlan, renamePlan } from '../../../lib/library/plan-actions.ts';
import { createInviteSecret, deriveRoomKeys } from '../../../lib/sync/invite.ts';
import { getPlanSummary, listPlans } from '../../../lib/library/plan-index.ts';
import { openPlanSession } from '../../../lib/sync/plan-session.ts';
import { readChildren, readMeta, readPlanProfileCopy } from '../../../lib/plan/index.ts';
import { copyProfile, saveOwnProfile } from '../../../lib/settings/own-profiles.ts';
import { getShippedProfile } from '../../../lib/rules/deadlines/profiles/index.ts';
import { memoryArea } from '../helpers/memory-area.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const input = { familyName: 'Testington', children: [{ name: 'Ava', dob: '2019-03-14' }], profileId: 'national', division: 'england-and-wales' as const };

describe('createNewPlan', () => {
  it('stores the plan document and lists it', async () => {
    const area = memoryArea();
    const id = await createNewPlan(area, input, 'Sam Sample', '2026-11-22');
    expect(await getPlanSummary(area, id)).toMatchObject({ familyName: 'Testington', childNames: ['Ava'] });
    const session = await openPlanSession(id);
    expect(readMeta(session.doc)).toMatchObject({ familyName: 'Testington', createdBy: 'Sam Sample', createdAt: '2026-11-22' });
    expect(readChildren(session.doc).map((c) => c.name)).toEqual(['Ava']);
    await session.close();
  });

  it('stores a copy of the member’s own profile in a plan that uses it, and none of a shipped one', async () => {
    const area = memoryArea();
    const own = copyProfile(getShippedProfile('national')!, 'Our partnership');
    own.rules.find((r) => r.id === 'T8')!.figure = 8;
    expect(await saveOwnProfile(area, own)).toEqual([]);
    const id = await createNewPlan(area, { ...input, profileId: own.id }, 'Sam Sample', '2026-11-22');
    const shippedId = await createNewPlan(area, input, 'Sam Sample', '2026-11-22');
    const session = await openPlanSession(id);
    expect(readPlanProfileCopy(session.doc, own.id)).toEqual(own);
    await session.close();
    const shipped = await openPlanSession(shippedId);
    expect(readPlanProfileCopy(shipped.doc, 'national')).toBeUndefined();
    await shipped.close();
  });
});

describe('renamePlan', () => {
  it('renames in the document and in the list', async () => {
    const area = memoryArea();
    const id = await createNewPlan(area, input, '', '2026-11-22');
    await renamePlan(area, id, 'Testington-Jones ');
    expect((await getPlanSummary(area, id))?.familyName).toBe('Testington-Jones');
    const session = await openPlanSession(id);
    expect(readMeta(session.doc).familyName).toBe('Testington-Jones');
    await session.close();
  });
});

describe('deletePlan', () => {
  it('removes the database and the list entry', async () => {
    const area = memoryArea();
    const id = await createNewPlan(area, input, '', '2026-11-22');
    await deletePlan(area, id);
    expect(await listPlans(area)).toEqual([]);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(`plan:${id}`);
  });
});

describe('ensureInviteSecret', () => {
  it('creates the secret once and keeps it with the plan', async () => {
    const area = memoryArea();
    const id = await createNewPlan(area, input, '', '2026-11-22');
    const secret = await ensureInviteSecret(area, id);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await ensureInviteSecret(area, id)).toBe(secret);
    expect((await getPlanSummary(area, id))?.inviteSecret).toBe(secret);
  });
});

describe('joinPlan', () => {
  it('lists the shared plan under an id derived from the secret, empty until a colleague sends it', async () => {
    const area = memoryArea();
    const secret = createInviteSecret();
    const { planId, alreadyHere } = await joinPlan(area, secret, '2026-11-22');
    expect(alreadyHere).toBe(false);
    expect(planId).toBe((await deriveRoomKeys(secret)).planId);
    expect(await getPlanSummary(area, planId)).toMatchObject({ familyName: '', inviteSecret: secret });
    const session = await openPlanSession(planId);
    expect(session.migration).toBe('empty');
    await session.close();
  });

  it('finds the plan already here when the same invite is opened twice, or by its creator', async () => {
    const area = memoryArea();
    const id = await createNewPlan(area, input, '', '2026-11-22');
    const secret = await ensureInviteSecret(area, id);
    expect(await joinPlan(area, secret, '2026-11-23')).toEqual({ planId: id, alreadyHere: true });
    expect(await listPlans(area)).toHaveLength(1);
  });
});
