/**
 * What has been removed and can be restored. Removal is a tombstone (`deleted: true`), so a
 * removed outcome keeps its actions, including any a peer added while it was being removed, and
 * restoring it brings them back in their places.
 */
import type * as Y from 'yjs';
import { Action, Outcome } from '../plan/records/outcomes.ts';

export interface RemovedOutcome {
  id: string;
  statement: string;
  domain: string;
  /** Actions still inside it that come back with it. */
  actionCount: number;
}

export interface RemovedAction {
  id: string;
  description: string;
  outcomeId: string;
  outcomeStatement: string;
}

const isRemoved = (map: Y.Map<unknown>) => map.get('deleted') === true;

/** The removed outcomes, in the order they were first added. */
export function readRemovedOutcomes(outcomes: Y.Array<Y.Map<unknown>>): RemovedOutcome[] {
  return outcomes
    .toArray()
    .filter(isRemoved)
    .map((map) => {
      const o = Outcome.read(map);
      return { id: o.id, statement: o.statement, domain: o.domain, actionCount: Action.readAll(Outcome.list(map, 'actions')).length };
    });
}

/**
 * The removed actions of outcomes that are still in the plan. Those inside a removed outcome are
 * not listed: they come back with their outcome.
 */
export function readRemovedActions(outcomes: Y.Array<Y.Map<unknown>>): RemovedAction[] {
  return Outcome.liveMaps(outcomes).flatMap((map) => {
    const outcome = Outcome.read(map);
    return Outcome.list(map, 'actions')
      .toArray()
      .filter(isRemoved)
      .map((a) => {
        const action = Action.read(a);
        return { id: action.id, description: action.description, outcomeId: outcome.id, outcomeStatement: outcome.statement };
      });
  });
}

/** Restores a removed action of a live outcome; nothing happens when the outcome is not live. */
export function restoreAction(doc: Y.Doc, outcomes: Y.Array<Y.Map<unknown>>, args: { outcomeId: string; actionId: string }): void {
  const outcome = Outcome.liveMaps(outcomes).find((m) => m.get('id') === args.outcomeId);
  if (outcome) Action.restore(doc, Outcome.list(outcome, 'actions'), args.actionId);
}
