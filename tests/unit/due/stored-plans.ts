/** Stored plans for the background's deadline check, in memory (tests/unit/due). */
import * as Y from 'yjs';
import { putPlanSummary } from '../../../lib/library/plan-index.ts';
import { newId } from '../../../lib/plan/index.ts';
import { memoryArea } from '../helpers/memory-area.ts';

/**
 * Plans kept in memory, read as the background reads stored plans (a fresh copy each time), each
 * with a stored version that moves on with every store; `kept` is what the check keeps between runs.
 */
export function storedPlans() {
  const updates = new Map<string, Uint8Array>();
  const versions = new Map<string, number>();
  const read: string[] = [];
  return {
    kept: memoryArea(),
    /** The ids of the plans read, in order. */
    read,
    async store(area: ReturnType<typeof memoryArea>, doc: Y.Doc, names: { familyName: string; childNames: string[] }) {
      const id = newId();
      this.replace(id, doc);
      await putPlanSummary(area, { id, ...names, profileId: 'national', division: 'england-and-wales', createdAt: '2026-03-02' });
      return id;
    },
    /** Stores `doc` as the plan `id` now is. */
    replace(id: string, doc: Y.Doc) {
      updates.set(id, Y.encodeStateAsUpdate(doc));
      versions.set(id, (versions.get(id) ?? 0) + 1);
    },
    readPlan: async (id: string) => {
      read.push(id);
      const update = updates.get(id);
      if (!update) return undefined;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, update);
      return doc;
    },
    planVersion: async (id: string) => versions.get(id),
  };
}
