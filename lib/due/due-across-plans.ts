/**
 * The deadlines of every plan on this device, read from storage: the plan list from extension
 * storage, each plan's document from its own database (a read-only snapshot), each counted under
 * the profile it counts with (`resolvePlanProfile`: shipped, the copy the plan carries, or the
 * member's own). Used by the background's badge and by the plan list's "what's due"; both work with
 * no plan open and offline.
 */
import type * as Y from 'yjs';
import { listPlans, type PlanSummary } from '../library/plan-index.ts';
import { readMeta } from '../plan/index.ts';
import type { KeyValueArea } from '../platform/key-value-area.ts';
import { listOwnProfiles } from '../settings/own-profiles.ts';
import { computePlanDue, type PlanDue, type PreparedProfiles } from './plan-deadlines.ts';
import { readStoredPlan } from '../sync/read-stored-plan.ts';
import type { Profile } from '../rules/deadlines/profiles/index.ts';

export interface PlanDueEntry {
  summary: PlanSummary;
  /** Absent for a plan that has not arrived yet (joined, no colleague met) or could not be read. */
  due?: PlanDue;
  /** Why the plan could not be read, in words (the plan list shows it; the badge only counts). */
  failure?: string;
}

export interface DueAcrossPlansOptions {
  today: string;
  /** Reads one plan's stored document; the default reads its IndexedDB database. */
  readPlan?: (planId: string) => Promise<Y.Doc | undefined>;
}

/** How many plans are read at once: enough to overlap storage waits, few enough not to hold hundreds of documents. */
const AT_ONCE = 8;

/** Every plan's deadlines as of `today`, in the plan list's order. Never rejects for one plan: its entry carries `failure`. */
export async function computeDueAcrossPlans(area: KeyValueArea, options: DueAcrossPlansOptions): Promise<PlanDueEntry[]> {
  const [plans, ownProfiles] = await Promise.all([listPlans(area), listOwnProfiles(area)]);
  return computeDueOf(plans, ownProfiles, options);
}

/** The deadlines of `plans` (summaries from the plan list) as of `options.today`, in their order. */
export async function computeDueOf(plans: readonly PlanSummary[], ownProfiles: readonly Profile[], options: DueAcrossPlansOptions): Promise<PlanDueEntry[]> {
  const readPlan = options.readPlan ?? ((id: string) => readStoredPlan(id));
  const prepared: PreparedProfiles = new Map();
  const entries: PlanDueEntry[] = new Array(plans.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < plans.length; i = next++) {
      const summary = plans[i]!;
      entries[i] = await duePlan(summary, readPlan, ownProfiles, options.today, prepared);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, plans.length) }, worker));
  return entries;
}

async function duePlan(
  summary: PlanSummary,
  readPlan: (planId: string) => Promise<Y.Doc | undefined>,
  ownProfiles: readonly Profile[],
  today: string,
  prepared: PreparedProfiles,
): Promise<PlanDueEntry> {
  let doc: Y.Doc | undefined;
  try {
    doc = await readPlan(summary.id);
    if (!doc || readMeta(doc).schemaVersion === 0) return { summary };
    return { summary, due: computePlanDue(doc, ownProfiles, today, prepared) };
  } catch (error) {
    return { summary, failure: error instanceof Error ? error.message : String(error) };
  } finally {
    doc?.destroy();
  }
}
