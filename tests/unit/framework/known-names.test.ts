import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Member, Person, addChild, planRoots } from '../../../lib/plan/index.ts';
import { knownNames } from '../../../lib/framework/known-names.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

describe('knownNames', () => {
  it('lists children, people and members once each, alphabetically, without removed people', () => {
    const doc = new Y.Doc();
    const { people, members } = planRoots(doc);
    addChild(doc, { name: 'Ava' });
    Person.add(doc, people, { name: 'Jo  Testington', kind: 'parent' });
    const gone = Person.add(doc, people, { name: 'Old Lodger', kind: 'significant' });
    Person.remove(doc, people, gone);
    Member.add(doc, members, { name: 'jo testington' });
    Member.add(doc, members, { name: 'Sam Sample' });
    Person.add(doc, people, { name: '   ' });
    expect(knownNames(doc)).toEqual(['Ava', 'Jo Testington', 'Sam Sample']);
  });

  it('includes a person a colleague added on another device', () => {
    const { docs } = connectedPeers(2);
    Person.add(docs[0]!, planRoots(docs[0]!).people, { name: 'Nan', kind: 'significant' });
    expect(knownNames(docs[1]!)).toEqual(['Nan']);
  });
});
