import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPlan, planRoots, richTextFragment, setMetaField, ChronologyEntry } from '../../../lib/plan/index.ts';
import { appendParagraphs } from '../../../lib/plan/rich-text-edits.ts';
import { checkVersionName, loadVersion, readVersions, removeVersion, removedVersions, saveVersion, versionStateVector } from '../../../lib/history/versions.ts';
import { keepHistory } from '../../../lib/history/keep-history.ts';
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

  it('costs what changed, not a copy of the plan per version', () => {
    const doc = newPlan();
    keepHistory(doc);
    for (let i = 0; i < 200; i++) ChronologyEntry.add(doc, planRoots(doc).chronology, { date: '2026-01-10', event: `Home visit ${i} with a long enough description`, agency: 'CSC' });
    const alone = Y.encodeStateAsUpdate(doc).length;
    for (let v = 0; v < 26; v++) {
      ChronologyEntry.add(doc, planRoots(doc).chronology, { date: '2026-02-10', event: `Core group ${v}`, agency: 'CSC' });
      saveVersion(doc, { name: `Core group ${v}`, by: 'Sam', at: '2026-02-01' });
    }
    expect(Y.encodeStateAsUpdate(doc).length).toBeLessThan(alone * 1.3);
    const first = loadVersion(doc, readVersions(doc)[0]!.id)!;
    expect(ChronologyEntry.readAll(planRoots(first).chronology)).toHaveLength(201);
    first.destroy();
  });

  it('keeps text deleted after a version, and text typed and deleted between versions', () => {
    const doc = newPlan();
    keepHistory(doc);
    const grey = richTextFragment(doc, 'grey-areas');
    appendParagraphs(doc, grey, [[{ text: 'Who looks after Ava at weekends?' }]]);
    const id = saveVersion(doc, { name: 'Before', by: 'Sam', at: '2026-02-01' });
    doc.transact(() => grey.delete(0, grey.length));
    appendParagraphs(doc, grey, [[{ text: 'A passing thought' }]]);
    doc.transact(() => grey.delete(0, grey.length));
    // Kept: a colleague's copy may have had it and saved a version showing it (keep-history.ts).
    expect(new TextDecoder().decode(Y.encodeStateAsUpdate(doc))).toContain('A passing thought');
    saveVersion(doc, { name: 'After', by: 'Sam', at: '2026-02-08' });

    // Reloaded as another device would store it: both are kept.
    const copy = new Y.Doc();
    keepHistory(copy);
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const stored = new TextDecoder().decode(Y.encodeStateAsUpdate(copy));
    expect(stored).toContain('Who looks after Ava at weekends?');
    expect(stored).toContain('A passing thought');
    const then = loadVersion(copy, id)!;
    expect(plainText(richTextFragment(then, 'grey-areas'))).toBe('Who looks after Ava at weekends?');
    expect(plainText(richTextFragment(copy, 'grey-areas'))).toBe('');
  });

  it("survives one member's mass delete: the deleted plan is still there in the version", () => {
    const peers = connectedPeers(2);
    const [a, b] = peers.docs as [Y.Doc, Y.Doc];
    keepHistory(a);
    keepHistory(b);
    newPlan(a);
    for (let i = 0; i < 10; i++) ChronologyEntry.add(a, planRoots(a).chronology, { date: '2026-01-10', event: `Visit ${i}`, agency: 'CSC' });
    appendParagraphs(a, richTextFragment(a, 'strengths'), [[{ text: 'Grandmother collects Ava from nursery.' }]]);
    const id = saveVersion(a, { name: 'Agreed', by: 'Sam', at: '2026-02-01' });
    b.transact(() => {
      const list = planRoots(b).chronology;
      list.delete(0, list.length);
      const text = richTextFragment(b, 'strengths');
      text.delete(0, text.length);
    });
    for (const doc of [a, b]) {
      const then = loadVersion(doc, id)!;
      expect(ChronologyEntry.readAll(planRoots(then).chronology)).toHaveLength(10);
      expect(plainText(richTextFragment(then, 'strengths'))).toBe('Grandmother collects Ava from nursery.');
    }
  });

  it('loads without touching what is stored: opening a version writes nothing', () => {
    const doc = newPlan();
    const id = saveVersion(doc, { name: 'One', by: 'Sam', at: '2026-02-01' });
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    loadVersion(doc, id)!.destroy();
    expect(updates).toEqual([]);
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

  it('removes a version only by a recorded decision, which stays in the plan with its name', () => {
    const doc = newPlan();
    const id = saveVersion(doc, { name: 'Draft by mistake', by: 'Sam', at: '2026-02-01' });
    expect(() => removeVersion(doc, id, { by: 'Sam', at: '2026-02-02', why: '  ' })).toThrow(RangeError);
    expect(removeVersion(doc, id, { by: 'Sam Social', at: '2026-02-02', why: 'Saved before the family had seen it' })).toBe(true);
    expect(readVersions(doc)).toEqual([]);
    expect(removedVersions(doc)).toEqual([
      {
        id, name: 'Draft by mistake', savedBy: 'Sam', savedAt: '2026-02-01', removedBy: 'Sam Social', removedAt: '2026-02-02', removedWhy: 'Saved before the family had seen it',
        // Unsigned: a plan without membership (version-removal.test.ts signs them).
        removal: { versionId: id, by: 'Sam Social', at: '2026-02-02', why: 'Saved before the family had seen it', device: '', signature: new Uint8Array(0) },
      },
    ]);
    expect(removeVersion(doc, id, { by: 'Sam', at: '2026-02-02', why: 'again' })).toBe(false);
  });
});
