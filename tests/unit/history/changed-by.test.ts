import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPlan, planRoots, richTextFragment, setMetaField, Member } from '../../../lib/plan/index.ts';
import { appendParagraphs } from '../../../lib/plan/rich-text-edits.ts';
import { recordAuthor } from '../../../lib/plan/authors.ts';
import { saveVersion, versionStateVector } from '../../../lib/history/versions.ts';
import { clientsWhoEdited, whoChanged } from '../../../lib/history/changed-by.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

function setUp() {
  const peers = connectedPeers(3);
  const [sam, priya, ola] = peers.docs as [Y.Doc, Y.Doc, Y.Doc];
  createPlan(sam, { familyName: 'Testington', children: [{ name: 'Leo', dob: '2020-02-02' }], profileId: 'national', division: 'england-and-wales', createdBy: 'Sam', createdAt: '2026-01-05' });
  recordAuthor(sam, { name: 'Sam Social', agency: 'CSC' });
  recordAuthor(priya, { name: 'Priya Nurse', agency: 'Health' });
  recordAuthor(ola, { name: 'Ola Teacher', agency: 'Education' });
  const id = saveVersion(sam, { name: 'Start', by: 'Sam Social', at: '2026-02-01' });
  return { peers, sam, priya, ola, before: versionStateVector(sam, id)! };
}

describe('whoChanged', () => {
  it('names the members whose copies changed the plan since a version, as they declared', () => {
    const { sam, priya, before } = setUp();
    appendParagraphs(priya, richTextFragment(priya, 'strengths'), [[{ text: 'Leo’s grandmother visits daily.' }]]);
    Member.add(priya, planRoots(priya).members, { name: 'Priya Nurse', agency: 'Health' });
    expect(whoChanged(sam, before)).toEqual({ authors: [{ name: 'Priya Nurse', agency: 'Health' }], undeclared: 0 });
  });

  it('does not count saving a version or declaring a name as a change', () => {
    const { sam, ola, before } = setUp();
    saveVersion(ola, { name: 'Ola’s', by: 'Ola Teacher', at: '2026-02-02' });
    recordAuthor(ola, { name: 'Ola T.', agency: 'Education' });
    expect(clientsWhoEdited(sam, before)).toEqual([]);
  });

  it('counts copies that changed the plan without a declared name', () => {
    const { peers, sam, before } = setUp();
    const stranger = new Y.Doc();
    Y.applyUpdate(stranger, Y.encodeStateAsUpdate(sam));
    setMetaField(stranger, { field: 'address', value: '2 Test Road' });
    Y.applyUpdate(sam, Y.encodeStateAsUpdate(stranger));
    expect(whoChanged(sam, before)).toEqual({ authors: [], undeclared: 1 });
    expect(peers.docs).toHaveLength(3);
  });

  it('lists a member once however many copies they changed it from', () => {
    const { sam, priya, before } = setUp();
    const priyaElsewhere = new Y.Doc();
    Y.applyUpdate(priyaElsewhere, Y.encodeStateAsUpdate(sam));
    recordAuthor(priyaElsewhere, { name: 'Priya Nurse', agency: 'Health' });
    setMetaField(priyaElsewhere, { field: 'address', value: '3 Test Lane' });
    Y.applyUpdate(sam, Y.encodeStateAsUpdate(priyaElsewhere));
    setMetaField(priya, { field: 'familyName', value: 'Testington-Jones' });
    expect(whoChanged(sam, before).authors).toEqual([{ name: 'Priya Nurse', agency: 'Health' }]);
  });

  it('names nobody when nothing changed', () => {
    const { sam, before } = setUp();
    expect(whoChanged(sam, before)).toEqual({ authors: [], undeclared: 0 });
  });
});
