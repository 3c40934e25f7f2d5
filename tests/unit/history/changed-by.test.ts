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

describe('whoChanged with verified membership', () => {
  async function established() {
    const { sam, priya, ola, before } = setUp();
    const { establishMembership, claimClientId, admitDevice, recordInvitation } = await import('../../../lib/membership/membership-actions.ts');
    const { clientIdFor, newClientNonce } = await import('../../../lib/membership/client-id.ts');
    const { newDevice, requestFrom, newToken, info, NOW, PLAN_ID } = await import('../membership/helpers.ts');
    const { createInviteSecret } = await import('../../../lib/sync/invite.ts');
    const chairDevice = await newDevice();
    await establishMembership(sam, chairDevice, info('Sam Social', 'CSC', 'Lead social worker'), PLAN_ID, createInviteSecret());
    /** A session of `device` on a fresh copy of the plan, with a claimed clientID. */
    const session = async (device: Awaited<ReturnType<typeof newDevice>>) => {
      const doc = new Y.Doc();
      const nonce = newClientNonce();
      doc.clientID = await clientIdFor(device.signingPublic, nonce);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(sam));
      await claimClientId(doc, device, nonce);
      return doc;
    };
    const mallory = await newDevice();
    const { tokenHash } = await newToken();
    await recordInvitation(sam, chairDevice, tokenHash, NOW);
    await admitDevice(sam, chairDevice, await requestFrom(mallory, info('Mallory Fake', 'Unknown agency'), tokenHash), tokenHash, NOW);
    return { sam, priya, ola, before, chairDevice, mallory, session };
  }

  const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

  it('names verified members by their devices, and marks changes from before verification', async () => {
    const { sam, priya, before, chairDevice, session } = await established();
    const { readMembership } = await import('../../../lib/membership/membership-log.ts');
    const samSession = await session(chairDevice);
    setMetaField(samSession, { field: 'address', value: '4 Verified Way' });
    sync(samSession, sam);
    setMetaField(priya, { field: 'familyName', value: 'Testington-Smith' }); // Priya's legacy copy
    const changed = whoChanged(sam, before, await readMembership(sam));
    expect(changed).toEqual({
      authors: [{ name: 'Sam Social', agency: 'CSC' }],
      undeclared: 0,
      verified: true,
      unverified: [{ name: 'Priya Nurse', agency: 'Health' }],
    });
  });

  it('a member who declares another’s name is named as who she is', async () => {
    const { sam, before, mallory, session } = await established();
    const { readMembership } = await import('../../../lib/membership/membership-log.ts');
    const hers = await session(mallory);
    recordAuthor(hers, { name: 'Sam Social', agency: 'CSC' });
    setMetaField(hers, { field: 'address', value: '5 Forged Lane' });
    sync(hers, sam);
    const changed = whoChanged(sam, before, await readMembership(sam));
    expect(changed.authors).toEqual([{ name: 'Mallory Fake', agency: 'Unknown agency' }]);
    expect(changed.unverified).toEqual([]);
  });

  it('a clientID whose claim does not verify is not verified', async () => {
    const { sam, before, mallory } = await established();
    const { readMembership } = await import('../../../lib/membership/membership-log.ts');
    const { newClientNonce } = await import('../../../lib/membership/client-id.ts');
    const { forge, NOW } = await import('../membership/helpers.ts');
    const hers = new Y.Doc();
    Y.applyUpdate(hers, Y.encodeStateAsUpdate(sam));
    // She claims her session's (random) clientID with a nonce that does not give it.
    await forge(hers, mallory, { type: 'client', clientId: hers.clientID, nonce: newClientNonce(), at: NOW.toISOString() });
    recordAuthor(hers, { name: 'Sam Social', agency: 'CSC' });
    setMetaField(hers, { field: 'address', value: '6 Unproven Road' });
    sync(hers, sam);
    const changed = whoChanged(sam, before, await readMembership(sam));
    expect(changed.authors).toEqual([]);
    expect(changed.unverified).toEqual([{ name: 'Sam Social', agency: 'CSC' }]);
  });

  it('keeps declared names for a legacy plan, and leaves membership entries out of the changes', async () => {
    const { sam, before } = setUp();
    const { readMembership } = await import('../../../lib/membership/membership-log.ts');
    const { establishMembership } = await import('../../../lib/membership/membership-actions.ts');
    const { newDevice, info, PLAN_ID } = await import('../membership/helpers.ts');
    const { createInviteSecret } = await import('../../../lib/sync/invite.ts');
    expect(whoChanged(sam, before, await readMembership(sam))).toEqual({ authors: [], undeclared: 0 });
    await establishMembership(sam, await newDevice(), info('Sam Social'), PLAN_ID, createInviteSecret());
    expect(clientsWhoEdited(sam, before)).toEqual([]);
  });
});
