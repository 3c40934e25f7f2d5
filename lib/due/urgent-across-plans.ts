/**
 * What the background's check needs of every plan: the items overdue or due today (rule keys and
 * status only, never words), without reading a plan that has not changed since the last check.
 *
 * The check runs on every change to the plan list and whenever a page's plan has changed
 * (lib/services/ask-for-checks.ts), and reading a plan means decoding its whole document (hundreds
 * of milliseconds for a large one): reading every plan each time grew with the number of plans,
 * and competed with the next plan being opened. So each plan's urgent items are kept (in the
 * browser's session storage: memory, gone when the browser closes) with what they were computed
 * from: the plan's stored version (read-stored-plan.ts, cheap), the day, the member's own profiles
 * and the plan's entry in the list. A plan is read again only when one of those has moved on.
 * Plans that are gone from the list are forgotten.
 */
import { listPlans, type PlanSummary } from '../library/plan-index.ts';
import type { KeyValueArea } from '../platform/key-value-area.ts';
import { listOwnProfiles } from '../settings/own-profiles.ts';
import { storedPlanVersion } from '../sync/read-stored-plan.ts';
import { computeDueOf, type DueAcrossPlansOptions } from './due-across-plans.ts';
import type { PlanDeadlines, UrgentDeadline } from './due-summary.ts';
import { sha256, toHex, utf8 } from '../membership/bytes.ts';

/** Where the kept items are, in the kept area. */
export const KEPT_URGENT_KEY = 'urgentByPlan';
/** Changes whenever what is kept, or what it depends on, changes meaning. */
const FORMAT = 1;

interface KeptPlan {
  /** What the items were computed from (see the module comment). */
  basis: string;
  urgent: UrgentDeadline[];
}

export interface UrgentAcrossPlansOptions extends DueAcrossPlansOptions {
  /** Where each plan's urgent items are kept between checks (the browser's session storage). */
  kept: KeyValueArea;
  /** The plan's stored version; the default asks its IndexedDB database. */
  planVersion?: (planId: string) => Promise<number | undefined>;
}

/** Every plan's items overdue or due today as of `options.today`, in the plan list's order. */
export async function urgentAcrossPlans(area: KeyValueArea, options: UrgentAcrossPlansOptions): Promise<PlanDeadlines<UrgentDeadline>[]> {
  const planVersion = options.planVersion ?? ((id: string) => storedPlanVersion(id));
  const [plans, ownProfiles, stored] = await Promise.all([listPlans(area), listOwnProfiles(area), options.kept.get([KEPT_URGENT_KEY])]);
  const kept = readKept(stored[KEPT_URGENT_KEY]);
  const profiles = toHex(await sha256(utf8(JSON.stringify(ownProfiles))));
  // A plan whose version cannot be read is read in full (and then says why it cannot be).
  const versions = await Promise.all(plans.map((plan) => planVersion(plan.id).catch(() => undefined)));
  const bases = plans.map((plan, i) => (versions[i] === undefined ? null : basisOf(plan, versions[i]!, options.today, profiles)));
  const stale = plans.filter((plan, i) => bases[i] === null || kept.get(plan.id)?.basis !== bases[i]);
  const computed = new Map((await computeDueOf(stale, ownProfiles, options)).map((entry) => [entry.summary.id, entry]));

  const keep: Record<string, KeptPlan> = {};
  const result = plans.map((plan, i): PlanDeadlines<UrgentDeadline> => {
    const entry = computed.get(plan.id);
    const urgent = entry ? urgentOf(entry.due?.deadlines ?? []) : kept.get(plan.id)!.urgent;
    // Kept only when computed from a plan that was there and read (a failure is tried again).
    if (bases[i] !== null && !entry?.failure) keep[plan.id] = { basis: bases[i]!, urgent };
    return { planId: plan.id, deadlines: urgent };
  });
  if (JSON.stringify(keep) !== JSON.stringify(Object.fromEntries(kept))) await options.kept.set({ [KEPT_URGENT_KEY]: keep });
  return result;
}

function urgentOf(deadlines: readonly UrgentDeadline[]): UrgentDeadline[] {
  return deadlines.filter((d) => d.status === 'overdue' || d.status === 'due-today').map(({ key, status }) => ({ key, status }));
}

function basisOf(plan: PlanSummary, version: number, today: string, profiles: string): string {
  return JSON.stringify([FORMAT, version, today, profiles, plan.createdAt, plan.profileId, plan.division]);
}

/** What was kept, with anything not in the kept shape left out (it is then computed again). */
function readKept(value: unknown): Map<string, KeptPlan> {
  const kept = new Map<string, KeptPlan>();
  if (typeof value !== 'object' || value === null) return kept;
  for (const [planId, entry] of Object.entries(value)) {
    const { basis, urgent } = (entry ?? {}) as Partial<KeptPlan>;
    if (typeof basis !== 'string' || !Array.isArray(urgent)) continue;
    if (!urgent.every((d) => typeof d?.key === 'string' && (d.status === 'overdue' || d.status === 'due-today'))) continue;
    kept.set(planId, { basis, urgent: urgent.map(({ key, status }) => ({ key, status })) });
  }
  return kept;
}
