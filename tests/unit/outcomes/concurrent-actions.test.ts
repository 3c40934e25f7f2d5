import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Action, Outcome, planRoots } from '../../../lib/plan/index.ts';
import { addOutcome } from '../../../lib/outcomes/outcome-commands.ts';
import { dropIndex, stepIndex } from '../../../lib/outcomes/reorder.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

const actionsOf = (doc: Y.Doc) => Outcome.list(Outcome.liveMaps(planRoots(doc).outcomes)[0]!, 'actions');
const descriptions = (doc: Y.Doc) => Action.readAll(actionsOf(doc)).map((a) => a.description);

function twoMembersWithActions(names: string[]) {
  const peers = connectedPeers(2);
  const [one, two] = peers.docs as [Y.Doc, Y.Doc];
  addOutcome(one, { domain: 'parenting-capacity' });
  const ids = names.map((description) => Action.add(one, actionsOf(one), { description }));
  return { ...peers, one, two, ids };
}

describe('Action.move (concurrent reorder)', () => {
  it('converges with every action kept once when two members reorder different actions at once', () => {
    const { one, two, ids, disconnect, connect } = twoMembersWithActions(['A', 'B', 'C', 'D']);
    disconnect();
    Action.move(one, actionsOf(one), ids[3]!, 0); // D to the top
    Action.move(two, actionsOf(two), ids[0]!, 3); // A to the bottom
    connect();
    expect(descriptions(one)).toEqual(descriptions(two));
    expect([...descriptions(one)].sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(descriptions(one)).toEqual(['D', 'B', 'C', 'A']);
  });

  it('converges when two members move the same action to different places', () => {
    const { one, two, ids, disconnect, connect } = twoMembersWithActions(['A', 'B', 'C']);
    disconnect();
    Action.move(one, actionsOf(one), ids[1]!, 0);
    Action.move(two, actionsOf(two), ids[1]!, 2);
    connect();
    expect(descriptions(one)).toEqual(descriptions(two));
    expect([...descriptions(one)].sort()).toEqual(['A', 'B', 'C']);
  });

  it('keeps an edit made to an action while a peer moved it', () => {
    const { one, two, ids, disconnect, connect } = twoMembersWithActions(['A', 'B']);
    disconnect();
    Action.move(one, actionsOf(one), ids[1]!, 0);
    Action.set(two, actionsOf(two), ids[1]!, 'status', 'in-progress');
    connect();
    expect(Action.readAll(actionsOf(one)).map((a) => [a.description, a.status])).toEqual([
      ['B', 'in-progress'],
      ['A', ''],
    ]);
  });

  it('follows the keyboard and drag positions the editor computes', () => {
    const doc = new Y.Doc();
    addOutcome(doc, { domain: 'parenting-capacity' });
    const ids = ['A', 'B', 'C'].map((description) => Action.add(doc, actionsOf(doc), { description }));
    Action.move(doc, actionsOf(doc), ids[2]!, stepIndex(ids, ids[2]!, -1)!); // C up one
    expect(descriptions(doc)).toEqual(['A', 'C', 'B']);
    Action.move(doc, actionsOf(doc), ids[0]!, dropIndex(0, 2, true)); // A dropped below the last
    expect(descriptions(doc)).toEqual(['C', 'B', 'A']);
  });
});
