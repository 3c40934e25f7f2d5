/**
 * The list of plans on this machine: one small summary per plan, kept in extension storage under
 * `plan/<id>`, apart from the plan documents themselves. One key per plan, so two pages updating
 * different plans never overwrite each other.
 */
import type { Division } from '../plan/types.ts';
import type { AreaChanges, KeyValueArea } from '../platform/key-value-area.ts';
import { storedPrefix } from '../platform/stored-source.ts';

export interface PlanSummary {
  id: string;
  familyName: string;
  childNames: string[];
  profileId: string;
  division: Division;
  /** yyyy-MM-dd the plan was created or joined on this machine. */
  createdAt: string;
  /**
   * The invite secret, once the plan is shared. Kept only here, on this machine; everything sent
   * over the network is derived from it one-way (lib/sync/invite.ts).
   */
  inviteSecret?: string;
  /**
   * The latest membership epoch this device moved to and its secret (lib/sync/plan-session.ts), once
   * past epoch 0 (whose secret is `inviteSecret`). Same format as the invite secret; kept only here.
   */
  epochSecret?: string;
  epoch?: number;
  /** yyyy-MM-dd the plan ended, when it has (mirrored from the plan: summary-sync.ts). */
  endedOn?: string;
}

const PREFIX = 'plan/';

/** Every plan on this machine, by family name. Entries that are not summaries are skipped. */
export const planIndexSource = storedPrefix(
  PREFIX,
  isSummary,
  (a, b) => a.familyName.localeCompare(b.familyName, 'en-GB') || a.createdAt.localeCompare(b.createdAt),
);

/** True when a storage change touches the plan index. */
export function touchesPlanIndex(changes: AreaChanges): boolean {
  return planIndexSource.touches(changes);
}

export function listPlans(area: KeyValueArea): Promise<PlanSummary[]> {
  return planIndexSource.read(area);
}

export async function getPlanSummary(area: KeyValueArea, id: string): Promise<PlanSummary | undefined> {
  const value = (await area.get([PREFIX + id]))[PREFIX + id];
  return isSummary(value) ? value : undefined;
}

/** The plan's summary; rejects, saying so, when the plan is not on this device. */
export async function requirePlanSummary(area: KeyValueArea, id: string): Promise<PlanSummary> {
  const summary = await getPlanSummary(area, id);
  if (!summary) throw new Error('This plan is not on this device. It may have been deleted.');
  return summary;
}

/** Adds or replaces a plan's summary. */
export async function putPlanSummary(area: KeyValueArea, summary: PlanSummary): Promise<void> {
  await area.set({ [PREFIX + summary.id]: summary });
}

/** The secret and epoch a shared plan syncs with until its membership log says otherwise. */
export function syncSecretOf(summary: PlanSummary): { secret: string; epoch: number } | null {
  if (summary.epochSecret && typeof summary.epoch === 'number' && Number.isSafeInteger(summary.epoch) && summary.epoch > 0) {
    return { secret: summary.epochSecret, epoch: summary.epoch };
  }
  return summary.inviteSecret ? { secret: summary.inviteSecret, epoch: 0 } : null;
}

/** Keeps the epoch a plan's session moved to (never going back to an earlier one). */
export async function recordPlanEpoch(area: KeyValueArea, id: string, epoch: number, secret: string): Promise<void> {
  const summary = await getPlanSummary(area, id);
  if (!summary || epoch === 0 || (summary.epoch ?? 0) >= epoch) return;
  await putPlanSummary(area, { ...summary, epoch, epochSecret: secret });
}

/** Removes a plan from the list (its document is removed separately). */
export async function removePlanSummary(area: KeyValueArea, id: string): Promise<void> {
  await area.remove([PREFIX + id]);
}

function isSummary(value: unknown): value is PlanSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.familyName === 'string' && Array.isArray(v.childNames);
}
