/**
 * A third member's copy may receive a deletion before the version record that still shows the
 * deleted text. It must not collect that text, and a version it cannot rebuild must say so.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPlan, richTextFragment } from '../../../lib/plan/index.ts';
import { appendParagraphs } from '../../../lib/plan/rich-text-edits.ts';
import { loadVersion, readVersions, saveVersion, versionProblem } from '../../../lib/history/versions.ts';
import { keepHistory } from '../../../lib/history/keep-history.ts';
import { plainText } from '../../../lib/plan/rich-text.ts';

const diff = (to: Y.Doc, from: Y.Doc) => Y.encodeStateAsUpdate(from, Y.encodeStateVector(to));

function threeCopies(): [Y.Doc, Y.Doc, Y.Doc] {
  const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()] as [Y.Doc, Y.Doc, Y.Doc];
  for (const d of docs) keepHistory(d);
  createPlan(docs[0], { familyName: 'Testington', children: [{ name: 'Ava', dob: '2018-04-01' }], profileId: 'national', division: 'england-and-wales', createdBy: 'Sam', createdAt: '2026-01-05' });
  return docs;
}

describe('a deletion that arrives before the version showing the deleted text', () => {
  it('keeps the text on the third copy, and the version reads right there', () => {
    const [a, b, c] = threeCopies();
    saveVersion(a, { name: 'First', by: 'Sam', at: '2026-02-01' });
    Y.applyUpdate(b, diff(b, a));
    Y.applyUpdate(c, diff(c, a));
    // Typed after the first version; C receives the typing.
    appendParagraphs(a, richTextFragment(a, 'grey-areas'), [[{ text: 'Who looks after Ava at weekends?' }]]);
    Y.applyUpdate(b, diff(b, a));
    Y.applyUpdate(c, diff(c, a));
    // A saves a version that shows it; B, who has not had that version yet, deletes the text.
    const before = Y.encodeStateVector(c);
    const id = saveVersion(a, { name: 'Second', by: 'Sam', at: '2026-02-08' });
    const versionUpdate = Y.encodeStateAsUpdate(a, before);
    const grey = richTextFragment(b, 'grey-areas');
    const beforeDelete = Y.encodeStateVector(b);
    b.transact(() => grey.delete(0, grey.length));
    const deletion = Y.encodeStateAsUpdate(b, beforeDelete);
    // C: the deletion first, then the version record.
    Y.applyUpdate(c, deletion);
    Y.applyUpdate(c, versionUpdate);

    expect(readVersions(c).map((v) => v.name)).toEqual(['First', 'Second']);
    expect(versionProblem(c, id)).toBeUndefined();
    const then = loadVersion(c, id)!;
    expect(plainText(richTextFragment(then, 'grey-areas'))).toBe('Who looks after Ava at weekends?');
    expect(plainText(richTextFragment(c, 'grey-areas'))).toBe('');
    then.destroy();
  });

  it('says a version is incomplete on a copy that collected what it shows, and loads nothing wrong', () => {
    const [a, , c] = threeCopies();
    appendParagraphs(a, richTextFragment(a, 'grey-areas'), [[{ text: 'Who looks after Ava at weekends?' }]]);
    Y.applyUpdate(c, diff(c, a));
    const before = Y.encodeStateVector(c);
    const id = saveVersion(a, { name: 'Shows the question', by: 'Sam', at: '2026-02-08' });
    const versionUpdate = Y.encodeStateAsUpdate(a, before);
    // A copy that collects like plain Yjs (as an older copy did): the text goes with the deletion.
    c.gcFilter = () => true;
    const grey = richTextFragment(c, 'grey-areas');
    c.transact(() => grey.delete(0, grey.length));
    Y.applyUpdate(c, versionUpdate);

    expect(versionProblem(c, id)).toBe('incomplete');
    expect(loadVersion(c, id)).toBeUndefined();
    expect(versionProblem(a, id)).toBeUndefined();
    expect(versionProblem(c, 'nope')).toBe('unknown');
  });

  it("keeps text typed and deleted between versions, as a colleague's version may show it", () => {
    const [a, b, c] = threeCopies();
    saveVersion(a, { name: 'First', by: 'Sam', at: '2026-02-01' });
    Y.applyUpdate(b, diff(b, a));
    Y.applyUpdate(c, diff(c, a));
    const grey = richTextFragment(a, 'grey-areas');
    appendParagraphs(a, grey, [[{ text: 'A passing thought' }]]);
    // B has the thought but not its deletion; A deletes it and saves a version without it.
    Y.applyUpdate(b, diff(b, a));
    a.transact(() => grey.delete(0, grey.length));
    saveVersion(a, { name: 'Second', by: 'Sam', at: '2026-02-08' });
    Y.applyUpdate(c, diff(c, a));
    // B, offline all along, saves a version showing the thought; it reaches A and C a week later.
    const late = saveVersion(b, { name: 'At the visit', by: 'Bob', at: '2026-02-09' });
    Y.applyUpdate(a, diff(a, b));
    Y.applyUpdate(c, diff(c, b));
    for (const doc of [a, b, c]) {
      expect(versionProblem(doc, late)).toBeUndefined();
      const then = loadVersion(doc, late)!;
      expect(plainText(richTextFragment(then, 'grey-areas'))).toBe('A passing thought');
      then.destroy();
    }
  });

  it('frees text typed and deleted in one local transaction: no other copy can have seen it', () => {
    const [a] = threeCopies();
    saveVersion(a, { name: 'First', by: 'Sam', at: '2026-02-01' });
    const grey = richTextFragment(a, 'grey-areas');
    a.transact(() => {
      appendParagraphs(a, grey, [[{ text: 'Never sent anywhere' }]]);
      grey.delete(0, grey.length);
    });
    appendParagraphs(a, grey, [[{ text: 'Sent, then deleted' }]]);
    a.transact(() => grey.delete(0, grey.length));
    const stored = new TextDecoder().decode(Y.encodeStateAsUpdate(a));
    expect(stored).not.toContain('Never sent anywhere');
    expect(stored).toContain('Sent, then deleted');
  });
});
