/** A plan large enough to keep a first screen for (lib/plan/first-screen.ts), stored, then opened and left open. */
import * as Y from 'yjs';
import { persistPlan } from '../../../lib/sync/persistence.ts';
import { setMetaField } from '../../../lib/plan/index.ts';
import { LARGE_PLAN_ITEMS } from '../../../lib/plan/first-screen.ts';

export async function openLargePlan(planId: string, familyName: string) {
  const typed = new Y.Doc();
  setMetaField(typed, { field: 'familyName', value: familyName });
  // A long history: each change its own item.
  const notes = typed.getMap<number>('notes');
  for (let i = 0; i < LARGE_PLAN_ITEMS; i++) typed.transact(() => notes.set(`n${i % 50}`, i));
  const storing = new Y.Doc();
  const stored = persistPlan(storing, planId, undefined);
  await stored.whenLoaded;
  Y.applyUpdate(storing, Y.encodeStateAsUpdate(typed));
  await stored.flush();
  await stored.destroy();
  const doc = new Y.Doc();
  const persistence = persistPlan(doc, planId, undefined);
  await persistence.whenLoaded;
  return { doc, persistence };
}
