import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addChild, createPlan, planRoots, readChildren, removeChild, setChildField } from '../../../lib/plan/index.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

function planWithAva(doc = new Y.Doc()) {
  createPlan(doc, { familyName: 'Testington', children: [{ name: 'Ava', dob: '2019-03-14' }], profileId: 'national', division: 'england-and-wales', createdBy: '', createdAt: '2026-11-22' });
  return doc;
}

describe('addChild', () => {
  it('adds a child with a fresh id and returns it', () => {
    const doc = planWithAva();
    const id = addChild(doc, { name: 'Leo', dob: '2022-01-01' });
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(readChildren(doc).map((c) => c.name)).toEqual(['Ava', 'Leo']);
  });

  it('keeps both children when two members add one at the same time', () => {
    const peers = connectedPeers();
    const [a, b] = peers.docs;
    planWithAva(a);
    peers.disconnect();
    addChild(a!, { name: 'Leo' });
    addChild(b!, { name: 'Mia' });
    peers.connect();
    expect(readChildren(a!).map((c) => c.name).sort()).toEqual(['Ava', 'Leo', 'Mia']);
    expect(readChildren(a!)).toEqual(readChildren(b!));
  });
});

describe('setChildField', () => {
  it('sets a field of one child and ignores a child a peer removed', () => {
    const doc = planWithAva();
    const [ava] = readChildren(doc);
    setChildField(doc, { id: ava!.id, field: 'school', value: 'Oak Tree Primary' });
    setChildField(doc, { id: 'gone', field: 'school', value: 'x' });
    expect(readChildren(doc)[0]!.school).toBe('Oak Tree Primary');
    expect(() => setChildField(doc, { id: ava!.id, field: 'id' as 'name', value: 'x' })).toThrow(RangeError);
  });
});

describe('removeChild', () => {
  it('hides the child but keeps the record, so an edit made concurrently elsewhere still lands', () => {
    const peers = connectedPeers();
    const [a, b] = peers.docs;
    planWithAva(a);
    const [ava] = readChildren(a!);
    peers.disconnect();
    removeChild(a!, { id: ava!.id });
    setChildField(b!, { id: ava!.id, field: 'gp', value: 'Dr Example' });
    peers.connect();
    expect(readChildren(a!)).toEqual([]);
    expect(readChildren(b!)).toEqual([]);
    expect(planRoots(a!).children.get(0).get('gp')).toBe('Dr Example');
  });
});
