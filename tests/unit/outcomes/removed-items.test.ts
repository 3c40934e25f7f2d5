import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Action, Outcome, planRoots } from '../../../lib/plan/index.ts';
import { addOutcome } from '../../../lib/outcomes/outcome-commands.ts';
import { readRemovedActions, readRemovedOutcomes } from '../../../lib/outcomes/removed-items.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

function outcomeWithActions(doc: Y.Doc, statement: string, actions: string[]) {
  const list = planRoots(doc).outcomes;
  const id = addOutcome(doc, { domain: 'developmental-needs' });
  Outcome.set(doc, list, id, 'statement', statement);
  const actionList = Outcome.list(Outcome.liveMaps(list).find((m) => m.get('id') === id)!, 'actions');
  const actionIds = actions.map((description) => Action.add(doc, actionList, { description, status: 'not-started' }));
  return { id, actionList, actionIds };
}

describe('readRemovedOutcomes', () => {
  it('lists a removed outcome with the actions that will come back with it', () => {
    const doc = new Y.Doc();
    const list = planRoots(doc).outcomes;
    const { id } = outcomeWithActions(doc, 'Ava is at school every day', ['Mum walks Ava to school', 'School rings Mum by 9.30']);
    expect(readRemovedOutcomes(list)).toEqual([]);
    Outcome.remove(doc, list, id);
    expect(readRemovedOutcomes(list)).toEqual([{ id, statement: 'Ava is at school every day', domain: 'developmental-needs', actionCount: 2 }]);
    Outcome.restore(doc, list, id);
    expect(readRemovedOutcomes(list)).toEqual([]);
  });

  it('keeps an action a member added while another member removed its outcome, and restores it with the outcome', () => {
    const { docs, disconnect, connect } = connectedPeers(2);
    const [one, two] = docs as [Y.Doc, Y.Doc];
    const { id } = outcomeWithActions(one, 'Leo is fed regularly', ['Health visitor weighs Leo weekly']);
    disconnect();
    Outcome.remove(one, planRoots(one).outcomes, id);
    const onTwo = Outcome.liveMaps(planRoots(two).outcomes)[0]!;
    Action.add(two, Outcome.list(onTwo, 'actions'), { description: 'Dad keeps a feeding diary' });
    connect();

    for (const doc of [one, two]) {
      expect(Outcome.readAll(planRoots(doc).outcomes)).toEqual([]);
      expect(readRemovedOutcomes(planRoots(doc).outcomes)).toMatchObject([{ id, actionCount: 2 }]);
    }
    Outcome.restore(two, planRoots(two).outcomes, id);
    const restored = Outcome.liveMaps(planRoots(one).outcomes)[0]!;
    expect(Action.readAll(Outcome.list(restored, 'actions')).map((a) => a.description)).toEqual([
      'Health visitor weighs Leo weekly',
      'Dad keeps a feeding diary',
    ]);
  });
});

describe('readRemovedActions', () => {
  it('lists removed actions of live outcomes only; those inside a removed outcome come back with it', () => {
    const doc = new Y.Doc();
    const list = planRoots(doc).outcomes;
    const kept = outcomeWithActions(doc, 'Ava is safe at home', ['Mum attends the parenting course', 'Dad moves out']);
    const gone = outcomeWithActions(doc, 'The house is clean', ['Family support visits weekly']);
    Action.remove(doc, kept.actionList, kept.actionIds[1]!);
    Action.remove(doc, gone.actionList, gone.actionIds[0]!);
    Outcome.remove(doc, list, gone.id);
    expect(readRemovedActions(list)).toEqual([
      { id: kept.actionIds[1], description: 'Dad moves out', outcomeId: kept.id, outcomeStatement: 'Ava is safe at home' },
    ]);
    Action.restore(doc, kept.actionList, kept.actionIds[1]!);
    expect(Action.readAll(kept.actionList).map((a) => a.description)).toEqual(['Mum attends the parenting course', 'Dad moves out']);
  });
});
