/**
 * Checks a backup's Yjs state before anything is created from it: decoded into a scratch document
 * that is thrown away, so a bad file never touches storage. Three things must hold:
 * - it decodes (Y.applyUpdate throws on malformed bytes);
 * - it is complete: no structs or deletions waiting for updates that are not there
 *   (doc.store.pendingStructs / pendingDs), which is how a truncated or spliced state shows;
 * - it holds a plan this version can read: meta.schemaVersion a whole number from 1 up to
 *   SCHEMA_VERSION (a newer plan would be rewritten by code that does not know its fields).
 *
 * Never Y.mergeUpdates on these bytes: it can loop forever on crafted input (yjs#687);
 * applyUpdate reads each struct from the bytes, so it ends when they do.
 */
import * as Y from 'yjs';
import { SCHEMA_VERSION, planRoots, readChildren, readMeta, type Division } from '../plan/index.ts';
import { decodeUpdateSafely } from '../sync/guard/well-formed.ts';
import { wouldLeavePending } from '../sync/guard/pending.ts';

/** What the plan list needs to show an imported plan. */
export interface PlanStateSummary {
  schemaVersion: number;
  familyName: string;
  childNames: string[];
  profileId: string;
  division: Division;
}

export type PlanStateCheck =
  | { ok: true; summary: PlanStateSummary }
  | { ok: false; problem: 'damaged' | 'not-a-plan' | 'newer-schema' };

/** Inspects `state` (a Y.encodeStateAsUpdate) in a scratch document. Never throws. */
export function inspectPlanState(state: Uint8Array): PlanStateCheck {
  const scratch = new Y.Doc();
  try {
    // The update guard's own checks (lib/sync/guard): decodes completely, nothing left pending.
    const decoded = decodeUpdateSafely(state);
    if (!decoded || wouldLeavePending(scratch, decoded)) return { ok: false, problem: 'damaged' };
    try {
      Y.applyUpdate(scratch, state);
    } catch {
      return { ok: false, problem: 'damaged' };
    }
    if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) return { ok: false, problem: 'damaged' };
    const version = planRoots(scratch).meta.get('schemaVersion');
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, problem: 'not-a-plan' };
    if (version > SCHEMA_VERSION) return { ok: false, problem: 'newer-schema' };
    const meta = readMeta(scratch);
    return {
      ok: true,
      summary: {
        schemaVersion: version,
        familyName: meta.familyName.trim(),
        childNames: readChildren(scratch).map((child) => child.name.trim()),
        profileId: meta.profileId,
        division: meta.division,
      },
    };
  } catch {
    // A root stored as another kind of type than this version expects, or anything else unreadable.
    return { ok: false, problem: 'not-a-plan' };
  } finally {
    scratch.destroy();
  }
}
