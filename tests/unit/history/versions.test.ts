import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPlan, planRoots, richTextFragment, setMetaField, ChronologyEntry } from '../../../lib/plan/index.ts';
import { appendParagraphs } from '../../../lib/plan/rich-text-edits.ts';
import { checkVersionName, loadVersion, readVersions, saveVersion, versionState, versionStateVector } from '../../../lib/history/versions.ts';
import { plainText } from '../../../lib/plan/rich-text.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

function newPlan(doc = new Y.Doc()): Y.Doc {
  createPlan(doc, { familyName: 'Testington', children: [{ name: 'Ava', dob: '2018-04-01' }], profileId: 'national', division: 'england-and-wales', createdBy: 'Sam', createdAt: '2026-01-05' });
  return doc;
}

describe('checkVersionName', () => {
  it.each([
    ['', 'Enter a name'],
    ['   ', 'Enter a name'],
    ['x'.repeat(121), '120 characters or fewer'],
  ])('refuses %j', (name, message) => {
    expect(checkVersionName(name)[0]?.message).toContain(message);
  });

  it('accepts a sensible name', () => {
    expect(checkVersionName('Agreed at the core group')).toEqual([]);
  });
});

describe('saveVersion', () => {
  it('keeps the plan as it was, while the plan moves on', () => {
    const doc = newPlan();
    appendParagraphs(doc, richTextFragment(doc, 'grey-areas'), [[{ text: 'Who looks after Ava at weekends?' }]]);
    const id = saveVersion(doc, { name: 'Before the core group', by: 'Sam Social', at: '2026-02-01' });
    setMetaField(doc, { field: 'familyName', value: 'Testington-Smith' });
    appendParagraphs(doc, richTextFragment(doc, 'grey-areas'), [[{ text: 'Grandmother helps.' }]]);

    const then = loadVersion(doc, id)!;
    expect(planRoots(then).meta.get('familyName')).toBe('Testington');
    expect(plainText(richTextFragment(then, 'grey-areas'))).toBe('Who looks after Ava at weekends?');
    expect(planRoots(doc).meta.get('familyName')).toBe('Testington-Smith');
    then.destroy();
  });

  it('lists versions in the order they were saved, with who saved them and when', () => {
    const doc = newPlan();
    saveVersion(doc, { name: 'First', by: 'Sam Social', at: '2026-02-01' });
    saveVersion(doc, { name: '  Second  ', by: 'Priya Nurse', at: '2026-02-08' });
    expect(readVersions(doc).map(({ name, savedBy, savedAt }) => ({ name, savedBy, savedAt }))).toEqual([
      { name: 'First', savedBy: 'Sam Social', savedAt: '2026-02-01' },
      { name: 'Second', savedBy: 'Priya Nurse', savedAt: '2026-02-08' },
    ]);
  });

  it('refuses an empty name as a programming mistake', () => {
    expect(() => saveVersion(newPlan(), { name: ' ', by: 'Sam', at: '2026-02-01' })).toThrow(RangeError);
  });

  it('leaves earlier versions out of each saved state, so the plan grows by one copy per version', () => {
    const doc = newPlan();
    for (let i = 0; i < 20; i++) ChronologyEntry.add(doc, planRoots(doc).chronology, { date: '2026-01-10', event: `Home visit ${i}`, agency: 'CSC' });
    const first = saveVersion(doc, { name: 'One', by: 'Sam', at: '2026-02-01' });
    const second = saveVersion(doc, { name: 'Two', by: 'Sam', at: '2026-02-01' });
    const third = saveVersion(doc, { name: 'Three', by: 'Sam', at: '2026-02-01' });
    const sizes = [first, second, third].map((id) => versionState(doc, id)!.length);
    // Without stripping, the third state would hold the first two (more than double the first).
    expect(sizes[2]!).toBeLessThan(sizes[0]! * 1.3);
    const loaded = loadVersion(doc, third)!;
    // The two earlier versions are there only as deleted, garbage-collected items.
    expect(loaded.getArray('versions').length).toBe(0);
    expect(ChronologyEntry.readAll(planRoots(loaded).chronology)).toHaveLength(20);
  });

  it('records the state vector of the plan as saved', () => {
    const doc = newPlan();
    const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
    const id = saveVersion(doc, { name: 'One', by: 'Sam', at: '2026-02-01' });
    expect(versionStateVector(doc, id)).toEqual(sv);
  });

  it('shares versions with colleagues, and both keep versions saved at the same time while apart', () => {
    const peers = connectedPeers(2);
    const [a, b] = peers.docs as [Y.Doc, Y.Doc];
    newPlan(a);
    peers.disconnect();
    saveVersion(a, { name: 'From Sam', by: 'Sam', at: '2026-02-01' });
    setMetaField(b, { field: 'address', value: '1 Test Street' });
    saveVersion(b, { name: 'From Priya', by: 'Priya', at: '2026-02-01' });
    peers.connect();
    const names = (d: Y.Doc) => readVersions(d).map((v) => v.name).sort();
    expect(names(a)).toEqual(['From Priya', 'From Sam']);
    expect(names(b)).toEqual(names(a));
    const priyas = readVersions(a).find((v) => v.name === 'From Priya')!;
    const then = loadVersion(a, priyas.id)!;
    expect(planRoots(then).meta.get('address')).toBe('1 Test Street');
  });

  it('answers undefined for a version it does not have', () => {
    const doc = newPlan();
    expect(loadVersion(doc, 'nope')).toBeUndefined();
    expect(versionStateVector(doc, 'nope')).toBeUndefined();
  });
});
