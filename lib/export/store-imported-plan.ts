/**
 * Storing a checked backup as a new plan on this device: a new id, the document seeded with the
 * backup's state (then migrated, if it is from an older version), and only once it is committed to
 * storage, its entry in the plan list. If storing fails part way, the half-made database is deleted,
 * so the device is as it was.
 */
import { migratePlan, newId } from '../plan/index.ts';
import type { KeyValueArea } from '../platform/key-value-area.ts';
import { putPlanSummary } from '../library/plan-index.ts';
import { createPlanSession, type PlanSession } from '../sync/plan-session.ts';
import { deletePlanData } from '../sync/persistence.ts';
import { createUpdateGuard } from '../sync/guard/update-guard.ts';
import type { CreateFromBackup } from './import-backup.ts';

export interface StoreDeps {
  createSession?: typeof createPlanSession;
  deleteData?: (planId: string) => Promise<void>;
  makeId?: () => string;
}

/**
 * The `create` step of importBackup for this device. `today` (yyyy-MM-dd) is recorded as the day
 * the plan arrived here. The imported plan is not shared: it has no invite secret, so it syncs with
 * nobody until a member shares it.
 */
export function storeImportedPlan(area: KeyValueArea, today: string, deps: StoreDeps = {}): CreateFromBackup {
  const createSession = deps.createSession ?? createPlanSession;
  const deleteData = deps.deleteData ?? ((id: string) => deletePlanData(id));
  return async (backup) => {
    const id = (deps.makeId ?? newId)();
    let session: PlanSession | undefined;
    try {
      session = await createSession(id, (doc) => {
        // Through the one guarded way in, as every update from outside a page is.
        const verdict = createUpdateGuard(doc).applyRemoteUpdate(backup.state, { source: 'backup' });
        if (verdict.kind !== 'applied') throw new Error(`the backup's plan was ${verdict.kind}`);
        migratePlan(doc);
      });
      await putPlanSummary(area, {
        id,
        familyName: backup.summary.familyName,
        childNames: backup.summary.childNames,
        profileId: backup.summary.profileId,
        division: backup.summary.division,
        createdAt: today,
      });
    } catch (error) {
      await session?.close().catch(() => {});
      await deleteData(id).catch(() => {});
      throw error;
    }
    await session.close();
    return id;
  };
}
