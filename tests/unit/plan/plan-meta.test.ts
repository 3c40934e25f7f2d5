import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Meeting, createPlan, initialConferenceKind, planRoots, readMeta, setMetaField, setPlanRules, readChildren, SCHEMA_VERSION, COMMAND_ORIGIN } from '../../../lib/plan/index.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

const args = {
  familyName: ' Testington ',
  children: [{ name: 'Ava', dob: '2019-03-14' }, { name: 'Unborn baby', edd: '2027-02-01' }],
  profileId: 'national',
  division: 'england-and-wales' as const,
  createdBy: 'Sam Sample',
  createdAt: '2026-11-22',
};

describe('createPlan', () => {
  it('writes the family, the children and the schema version in one transaction tagged as a command', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('update', (_: Uint8Array, origin: unknown) => origins.push(origin));
    createPlan(doc, args);
    expect(origins).toEqual([COMMAND_ORIGIN]);
    expect(readMeta(doc)).toMatchObject({ familyName: 'Testington', status: 'outline', profileId: 'national', schemaVersion: SCHEMA_VERSION, createdBy: 'Sam Sample' });
    expect(readChildren(doc).map((c) => [c.name, c.dob, c.edd])).toEqual([['Ava', '2019-03-14', ''], ['Unborn baby', '', '2027-02-01']]);
  });

  it('records a held initial conference as the plan’s first meeting, in the same transaction', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('update', (_: Uint8Array, origin: unknown) => origins.push(origin));
    createPlan(doc, { ...args, conference: { date: '2026-11-20', scheduled: false } });
    expect(origins).toEqual([COMMAND_ORIGIN]);
    expect(Meeting.readAll(planRoots(doc).meetings).map((m) => [m.kind, m.date, m.scheduled])).toEqual([['icpc', '2026-11-20', false]]);
  });

  it('records a booked conference as scheduled, and none when it is not arranged yet', () => {
    const booked = new Y.Doc();
    createPlan(booked, { ...args, conference: { date: '2026-12-01', scheduled: true } });
    expect(Meeting.readAll(planRoots(booked).meetings).map((m) => m.scheduled)).toEqual([true]);
    const none = new Y.Doc();
    createPlan(none, args);
    expect(Meeting.readAll(planRoots(none).meetings)).toEqual([]);
  });

  it('calls the conference of a plan for unborn children only a pre-birth conference', () => {
    expect(initialConferenceKind([{ name: 'Unborn baby', edd: '2027-02-01' }])).toBe('pre-birth');
    expect(initialConferenceKind(args.children)).toBe('icpc');
  });

  it('refuses to seed a document that already holds a plan, so content is never seeded twice', () => {
    const doc = new Y.Doc();
    createPlan(doc, args);
    expect(() => createPlan(doc, args)).toThrow(RangeError);
    expect(readChildren(doc)).toHaveLength(2);
  });

  it('reaches a peer whole: the joiner sees exactly one copy of the children', () => {
    const { docs: [a, b] } = connectedPeers();
    createPlan(a!, args);
    expect(readChildren(b!).map((c) => c.name)).toEqual(['Ava', 'Unborn baby']);
  });
});

describe('readMeta', () => {
  it('gives safe defaults for a plan that has not arrived yet', () => {
    expect(readMeta(new Y.Doc())).toMatchObject({ familyName: '', status: 'outline', division: 'england-and-wales', schemaVersion: 0 });
  });
});

describe('setMetaField', () => {
  it('sets the family name and address, and rejects other fields as a programming error', () => {
    const doc = new Y.Doc();
    createPlan(doc, args);
    setMetaField(doc, { field: 'address', value: '1 Example Row' });
    expect(readMeta(doc).address).toBe('1 Example Row');
    expect(() => setMetaField(doc, { field: 'status' as 'address', value: 'agreed' })).toThrow(/not an editable field/);
  });

  it('converges on one value when two members rename the family at once', () => {
    const peers = connectedPeers();
    const [a, b] = peers.docs;
    createPlan(a!, args);
    peers.disconnect();
    setMetaField(a!, { field: 'familyName', value: 'Testington-Jones' });
    setMetaField(b!, { field: 'familyName', value: 'Testington-Smith' });
    peers.connect();
    expect(readMeta(a!).familyName).toBe(readMeta(b!).familyName);
  });
});

describe('setPlanRules', () => {
  it('sets profile and division, and rejects an unknown division', () => {
    const doc = new Y.Doc();
    createPlan(doc, args);
    setPlanRules(doc, { profileId: 'wirral-2016', division: 'scotland' });
    expect(readMeta(doc)).toMatchObject({ profileId: 'wirral-2016', division: 'scotland' });
    expect(() => setPlanRules(doc, { profileId: 'x', division: 'wales' as 'scotland' })).toThrow(RangeError);
  });
});
