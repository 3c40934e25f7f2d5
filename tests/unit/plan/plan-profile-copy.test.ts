import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  COMMAND_ORIGIN,
  PROFILE_COPY_PREFIX,
  createPlan,
  migratePlan,
  planRoots,
  readMeta,
  readPlanProfileCopy,
  setPlanRules,
  storePlanProfile,
  type CreatePlanArgs,
} from '../../../lib/plan/index.ts';
import { getShippedProfile, type Profile } from '../../../lib/rules/deadlines/profiles/index.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

/** A member's own copy of the national profile: first core group within `days` working days. */
function ownCopy(days: number, id = 'national-own-0a0a0a0a', name = 'Our partnership'): Profile {
  const copy: Profile = { ...structuredClone(getShippedProfile('national')!), id, name, basedOn: 'national' };
  copy.rules.find((r) => r.id === 'T8')!.figure = days;
  return copy;
}

const args = (extra: Partial<CreatePlanArgs> = {}): CreatePlanArgs => ({
  familyName: 'Testington',
  children: [{ name: 'Ava', dob: '2019-03-14' }],
  profileId: 'national',
  division: 'england-and-wales',
  createdBy: 'Sam Sample',
  createdAt: '2026-03-02',
  ...extra,
});

/** Every profile copy the plan holds, by id. */
function copies(doc: Y.Doc): Record<string, unknown> {
  const meta = planRoots(doc).meta;
  return Object.fromEntries(Array.from(meta.keys()).filter((k) => k.startsWith(PROFILE_COPY_PREFIX)).map((k) => [k.slice(PROFILE_COPY_PREFIX.length), meta.get(k)]));
}

describe('createPlan with a member’s own profile', () => {
  it('stores the profile in the plan as plain data, in the one creating transaction', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('update', (_: Uint8Array, origin: unknown) => origins.push(origin));
    createPlan(doc, args({ profileId: ownCopy(8).id, profile: ownCopy(8) }));
    expect(origins).toEqual([COMMAND_ORIGIN]);
    expect(readMeta(doc).profileId).toBe(ownCopy(8).id);
    expect(copies(doc)).toEqual({ [ownCopy(8).id]: ownCopy(8) });
    expect(readPlanProfileCopy(doc, ownCopy(8).id)).not.toBeInstanceOf(Y.AbstractType);
  });

  it('reaches a colleague whole, through the document alone', () => {
    const { docs: [a, b] } = connectedPeers();
    createPlan(a!, args({ profileId: ownCopy(8).id, profile: ownCopy(8) }));
    expect(readPlanProfileCopy(b!, ownCopy(8).id)).toEqual(ownCopy(8));
  });

  it('keeps only what JSON keeps (a field set to undefined is left out)', () => {
    const doc = new Y.Doc();
    createPlan(doc, args({ profileId: ownCopy(8).id, profile: { ...ownCopy(8), note: undefined } }));
    expect(Object.keys(readPlanProfileCopy(doc, ownCopy(8).id) as object)).not.toContain('note');
  });

  it.each([
    ['a profile with a validation error', { profileId: 'national-own-0a0a0a0a', profile: ownCopy(Number.NaN) }, /not valid \(rules\[1\]\.figure/],
    ['a profile for another id', { profileId: 'wirral-2016-own-0b0b0b0b', profile: ownCopy(8) }, /"national-own-0a0a0a0a", not "wirral-2016-own-0b0b0b0b"/],
    ['a shipped profile', { profileId: 'national', profile: getShippedProfile('national')! }, /shipped profile/],
  ])('refuses %s and writes nothing', (_, extra, message) => {
    const doc = new Y.Doc();
    expect(() => createPlan(doc, args(extra))).toThrow(message);
    expect(readMeta(doc).schemaVersion).toBe(0);
  });

  it('names a shipped profile by id only', () => {
    const doc = new Y.Doc();
    createPlan(doc, args({ profileId: 'wirral-2016' }));
    expect(copies(doc)).toEqual({});
  });
});

describe('setPlanRules', () => {
  it('stores the copy when the plan switches to an own profile, and drops it when it switches to a shipped one', () => {
    const doc = new Y.Doc();
    createPlan(doc, args());
    setPlanRules(doc, { profileId: ownCopy(8).id, division: 'england-and-wales', profile: ownCopy(8) });
    expect(copies(doc)).toEqual({ [ownCopy(8).id]: ownCopy(8) });
    const other = ownCopy(12, 'national-own-0c0c0c0c', 'Another partnership');
    setPlanRules(doc, { profileId: other.id, division: 'england-and-wales', profile: other });
    expect(copies(doc)).toEqual({ [other.id]: other });
    setPlanRules(doc, { profileId: 'wirral-2016', division: 'england-and-wales' });
    expect(copies(doc)).toEqual({});
  });

  it('keeps the plan’s copy when only the bank holidays change (by a member who does not have the profile)', () => {
    const doc = new Y.Doc();
    createPlan(doc, args({ profileId: ownCopy(8).id, profile: ownCopy(8) }));
    setPlanRules(doc, { profileId: ownCopy(8).id, division: 'scotland' });
    expect(readMeta(doc).division).toBe('scotland');
    expect(copies(doc)).toEqual({ [ownCopy(8).id]: ownCopy(8) });
  });

  it('refuses an invalid profile before writing anything', () => {
    const doc = new Y.Doc();
    createPlan(doc, args());
    expect(() => setPlanRules(doc, { profileId: ownCopy(8).id, division: 'scotland', profile: { ...ownCopy(8), dayZero: 'never' as 'event' } })).toThrow(RangeError);
    expect(readMeta(doc)).toMatchObject({ profileId: 'national', division: 'england-and-wales' });
  });

  it('leaves each profile its copy when two members switch the plan to different own profiles at once', () => {
    const peers = connectedPeers();
    const [a, b] = peers.docs;
    createPlan(a!, args());
    peers.disconnect();
    const theirs = ownCopy(12, 'national-own-0c0c0c0c', 'Another partnership');
    setPlanRules(a!, { profileId: ownCopy(8).id, division: 'england-and-wales', profile: ownCopy(8) });
    setPlanRules(b!, { profileId: theirs.id, division: 'england-and-wales', profile: theirs });
    peers.connect();
    const id = readMeta(a!).profileId;
    expect(readMeta(b!).profileId).toBe(id);
    expect(readPlanProfileCopy(a!, id)).toEqual(id === theirs.id ? theirs : ownCopy(8));
    expect(copies(a!)).toEqual(copies(b!));
  });
});

describe('storePlanProfile', () => {
  it('replaces the plan’s copy in one transaction tagged as a command', () => {
    const doc = new Y.Doc();
    createPlan(doc, args({ profileId: ownCopy(8).id, profile: ownCopy(8) }));
    const origins: unknown[] = [];
    doc.on('update', (_: Uint8Array, origin: unknown) => origins.push(origin));
    storePlanProfile(doc, { profile: ownCopy(7) });
    expect(origins).toEqual([COMMAND_ORIGIN]);
    expect(readPlanProfileCopy(doc, ownCopy(8).id)).toEqual(ownCopy(7));
  });

  it('refuses a profile the plan does not name, a shipped one and an invalid one', () => {
    const doc = new Y.Doc();
    createPlan(doc, args({ profileId: ownCopy(8).id, profile: ownCopy(8) }));
    expect(() => storePlanProfile(doc, { profile: ownCopy(8, 'national-own-0d0d0d0d') })).toThrow(/the plan uses "national-own-0a0a0a0a"/);
    expect(() => storePlanProfile(doc, { profile: getShippedProfile('national')! })).toThrow(/shipped profile/);
    expect(() => storePlanProfile(doc, { profile: { ...ownCopy(8), rules: [{ ...ownCopy(8).rules[0]!, unit: 'fortnights' as 'weeks' }] } })).toThrow(/not valid/);
    expect(readPlanProfileCopy(doc, ownCopy(8).id)).toEqual(ownCopy(8));
  });

  it('converges on one whole profile when two members replace the plan’s copy at once, never a mix', () => {
    const peers = connectedPeers();
    const [a, b] = peers.docs;
    createPlan(a!, args({ profileId: ownCopy(10).id, profile: ownCopy(10) }));
    peers.disconnect();
    // Each changes a different figure and the name, so a mix of the two would show.
    const sams: Profile = { ...ownCopy(8), name: 'Sam’s partnership' };
    const jos: Profile = { ...ownCopy(10), name: 'Jo’s partnership' };
    jos.rules.find((r) => r.id === 'T12')!.figure = 2;
    storePlanProfile(a!, { profile: sams });
    storePlanProfile(b!, { profile: jos });
    peers.connect();
    const onA = readPlanProfileCopy(a!, ownCopy(10).id);
    expect(readPlanProfileCopy(b!, ownCopy(10).id)).toEqual(onA);
    expect([sams, jos]).toContainEqual(onA);
    expect(Y.encodeStateVector(a!)).toEqual(Y.encodeStateVector(b!));
  });
});

describe('a plan made before plans carried their profile', () => {
  it('is not rewritten on opening: it keeps naming the profile by id until a member shares it', () => {
    const peers = connectedPeers();
    const [creator, colleague] = peers.docs;
    // As the previous version created it: the own profile named by id, no copy.
    createPlan(creator!, args({ profileId: ownCopy(8).id }));
    let updates = 0;
    for (const doc of peers.docs) doc.on('update', () => updates++);
    expect(migratePlan(creator!)).toBe('current');
    expect(migratePlan(colleague!)).toBe('current');
    expect(updates).toBe(0);
    expect(copies(colleague!)).toEqual({});

    // The member who has the profile shares it, in one click: now the colleague has it too.
    storePlanProfile(creator!, { profile: ownCopy(8) });
    expect(readPlanProfileCopy(colleague!, ownCopy(8).id)).toEqual(ownCopy(8));
  });
});
