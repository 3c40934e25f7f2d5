/** Two copies of the Testington plan for the guard's tests, and one copy's change as an update. */
import * as Y from 'yjs';
import { testingtonPlan } from '../../export/plan-fixture.ts';

/** Our copy and a copy of it (the hostile or honest colleague), in sync. */
export function pair() {
  const { doc: ours } = testingtonPlan();
  const theirs = new Y.Doc();
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(ours));
  return { ours, theirs };
}

/** What `theirs` writes in `change`, as one update. */
export function changeBy(theirs: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(theirs);
  change();
  return Y.encodeStateAsUpdate(theirs, before);
}
