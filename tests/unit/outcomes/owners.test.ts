import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Action, Member, Outcome, planRoots } from '../../../lib/plan/index.ts';
import { addOutcome } from '../../../lib/outcomes/outcome-commands.ts';
import { agencyAfterOwnerChange, describeOwner, memberLabel, readMemberDirectory, setActionOwner } from '../../../lib/outcomes/owners.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

function planWithAction(doc: Y.Doc) {
  addOutcome(doc, { domain: 'developmental-needs' });
  const actions = Outcome.list(Outcome.liveMaps(planRoots(doc).outcomes)[0]!, 'actions');
  const actionId = Action.add(doc, actions, { description: 'Weigh Leo every week' });
  return { actions, actionId };
}

describe('describeOwner', () => {
  it('shows a member removed while an action still points to them as a former member, by name', () => {
    const { docs, disconnect, connect } = connectedPeers(2);
    const [one, two] = docs as [Y.Doc, Y.Doc];
    const hv = Member.add(one, planRoots(one).members, { name: 'Priya Shah', agency: 'Health' });
    const { actionId } = planWithAction(one);
    disconnect();
    Member.remove(one, planRoots(one).members, hv);
    const actionsTwo = Outcome.list(Outcome.liveMaps(planRoots(two).outcomes)[0]!, 'actions');
    setActionOwner(two, { actions: actionsTwo, actionId, ownerId: hv, members: planRoots(two).members });
    connect();

    for (const doc of [one, two]) {
      const directory = readMemberDirectory(planRoots(doc).members);
      const ownerId = Action.readAll(Outcome.list(Outcome.liveMaps(planRoots(doc).outcomes)[0]!, 'actions'))[0]!.ownerId;
      expect(directory.live).toEqual([]);
      expect(describeOwner(directory, ownerId)).toEqual({ id: hv, name: 'Priya Shah', agency: 'Health', former: true });
    }
  });

  it('gives undefined with no owner, and a readable placeholder for a member not synced yet', () => {
    const directory = readMemberDirectory(planRoots(new Y.Doc()).members);
    expect(describeOwner(directory, '')).toBeUndefined();
    expect(describeOwner(directory, 'abc')).toEqual({ id: 'abc', name: 'a member not yet synced', agency: '', former: false });
  });
});

describe('agencyAfterOwnerChange', () => {
  it.each([
    ['', 'Health', 'Education', 'Education'], // nothing typed: follows the owner
    ['Health', 'Health', 'Education', 'Education'], // was the old owner's: follows the new one
    ['Police', 'Health', 'Education', 'Police'], // typed on purpose: kept
  ])('agency %j, old owner %j, new owner %j gives %j', (current, previous, next, expected) => {
    expect(agencyAfterOwnerChange(current, previous, next)).toBe(expected);
  });
});

describe('setActionOwner', () => {
  it('sets the owner and brings their agency along, in one transaction', () => {
    const doc = new Y.Doc();
    const members = planRoots(doc).members;
    const sw = Member.add(doc, members, { name: 'Sam Jones', agency: "Children's Social Care" });
    const school = Member.add(doc, members, { name: 'Ms Green', agency: 'Oak Tree Primary' });
    const { actions, actionId } = planWithAction(doc);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    setActionOwner(doc, { actions, actionId, ownerId: sw, members });
    expect(transactions).toBe(1);
    expect(Action.readAll(actions)[0]).toMatchObject({ ownerId: sw, agency: "Children's Social Care" });
    setActionOwner(doc, { actions, actionId, ownerId: school, members });
    expect(Action.readAll(actions)[0]).toMatchObject({ ownerId: school, agency: 'Oak Tree Primary' });
    Action.set(doc, actions, actionId, 'agency', 'Education welfare');
    setActionOwner(doc, { actions, actionId, ownerId: sw, members });
    expect(Action.readAll(actions)[0]).toMatchObject({ ownerId: sw, agency: 'Education welfare' });
    setActionOwner(doc, { actions, actionId, ownerId: '', members });
    expect(Action.readAll(actions)[0]).toMatchObject({ ownerId: '', agency: 'Education welfare' });
  });
});

describe('memberLabel', () => {
  it('shows name and agency, and never a blank', () => {
    expect(memberLabel({ name: 'Sam Jones', agency: 'Police' })).toBe('Sam Jones (Police)');
    expect(memberLabel({ name: ' ', agency: '' })).toBe('Unnamed member');
  });
});
