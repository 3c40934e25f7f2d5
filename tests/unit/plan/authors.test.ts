import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { authorsMap, declareAuthorOnEdit, readAuthors, recordAuthor } from '../../../lib/plan/authors.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

describe('recordAuthor', () => {
  it('declares this copy of the plan as the member’s', () => {
    const doc = new Y.Doc();
    recordAuthor(doc, { name: ' Sam Social ', agency: 'Children’s Social Care' });
    expect(readAuthors(doc).get(doc.clientID)).toEqual({ name: 'Sam Social', agency: 'Children’s Social Care' });
  });

  it('writes nothing without a declared name', () => {
    const doc = new Y.Doc();
    recordAuthor(doc, { name: '  ', agency: 'Health' });
    expect(authorsMap(doc).size).toBe(0);
  });

  it('writes nothing when the entry already says the same', () => {
    const doc = new Y.Doc();
    recordAuthor(doc, { name: 'Sam', agency: 'CSC' });
    let updates = 0;
    doc.on('update', () => updates++);
    recordAuthor(doc, { name: 'Sam', agency: 'CSC' });
    expect(updates).toBe(0);
    recordAuthor(doc, { name: 'Sam', agency: 'Health' });
    expect(updates).toBe(1);
  });

  it('keeps every member’s entry when they open the plan at the same time', () => {
    const peers = connectedPeers(2);
    const [a, b] = peers.docs as [Y.Doc, Y.Doc];
    peers.disconnect();
    recordAuthor(a, { name: 'Sam', agency: 'CSC' });
    recordAuthor(b, { name: 'Priya', agency: 'Health' });
    peers.connect();
    expect(readAuthors(a)).toEqual(readAuthors(b));
    expect([...readAuthors(a).values()].map((x) => x.name).sort()).toEqual(['Priya', 'Sam']);
  });
});

describe('readAuthors', () => {
  it('skips entries in a shape it does not know', () => {
    const doc = new Y.Doc();
    authorsMap(doc).set('12', 'not an object');
    authorsMap(doc).set('not-a-number', { name: 'X', agency: '' });
    authorsMap(doc).set('13', { name: 'Ola', agency: 42 });
    expect([...readAuthors(doc)]).toEqual([[13, { name: 'Ola', agency: '' }]]);
  });
});

describe('declareAuthorOnEdit', () => {
  const sam = { name: 'Sam', agency: 'CSC' };

  it('writes nothing while the copy is only looked at, and declares it with its first edit', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => updates++);
    const stop = declareAuthorOnEdit(doc, sam);
    expect(updates).toBe(0);
    expect(authorsMap(doc).size).toBe(0);
    doc.getMap('meta').set('familyName', 'Testington');
    expect(readAuthors(doc).get(doc.clientID)).toEqual(sam);
    doc.getMap('meta').set('familyName', 'Testington-Smith');
    expect(updates).toBe(3); // the edit, the declaration, the second edit: declared once
    stop();
  });

  it('declares a copy that has edited already at once, and a new clientID with its next edit', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('familyName', 'Testington');
    const stop = declareAuthorOnEdit(doc, sam);
    expect(readAuthors(doc).get(doc.clientID)).toEqual(sam);
    const before = doc.clientID;
    doc.clientID = before + 1; // as the guard moves a copy to a spare clientID
    doc.getMap('meta').set('familyName', 'Testington-Smith');
    expect(readAuthors(doc).get(doc.clientID)).toEqual(sam);
    expect(readAuthors(doc).get(before)).toEqual(sam);
    stop();
  });

  it('declares nothing for a colleague’s edit arriving, and nothing once stopped', () => {
    const colleague = new Y.Doc();
    colleague.getMap('meta').set('familyName', 'Testington');
    const doc = new Y.Doc();
    const stop = declareAuthorOnEdit(doc, sam);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(colleague), 'peer');
    expect(authorsMap(doc).size).toBe(0);
    stop();
    doc.getMap('meta').set('familyName', 'Testington-Smith');
    expect(authorsMap(doc).size).toBe(0);
  });
});
