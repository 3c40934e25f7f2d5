/**
 * What the background copies work from: the plans on this device that are shared (their invite
 * secret is kept in the plan list) and that no page of this browser has open. A plan open in the
 * panel or a tab is synced by that page; a second copy of ours in the same room would only count
 * as one more colleague there.
 */
import type { KeyValueArea } from '../platform/key-value-area.ts';
import type { PlanHolds } from '../platform/plan-holds.ts';
import { listPlans, syncSecretOf } from '../library/plan-index.ts';
import type { PlanSession } from '../sync/plan-session.ts';
import type { NetworkSettings } from '../settings/network.ts';

export interface SharedPlan {
  id: string;
  /** The secret of the latest epoch this device knows (the invite secret for epoch 0). */
  secret: string;
  epoch: number;
}

/** The slice of an open plan the background uses (tests pass fakes of it). */
export type BackgroundSession = Pick<PlanSession, 'planId' | 'doc' | 'peers' | 'relay' | 'share' | 'close'> & {
  readonly persistence: Pick<PlanSession['persistence'], 'flush'>;
};

export interface BackgroundPlanDeps {
  area: KeyValueArea;
  holds: PlanHolds;
  /** Opens a plan stored on this device (openPlanSession). */
  open: (planId: string) => Promise<BackgroundSession>;
  /** The connection settings, read afresh each time a plan is shared. */
  network: () => Promise<NetworkSettings>;
}

/** Every shared plan on this device, whether or not a page has it open. */
export async function sharedPlans(area: KeyValueArea): Promise<SharedPlan[]> {
  return (await listPlans(area)).flatMap((p) => {
    const sync = syncSecretOf(p);
    return sync ? [{ id: p.id, ...sync }] : [];
  });
}

/** The shared plans the background should keep in step: those no page of this browser has open. */
export async function plansForBackground(area: KeyValueArea, holds: PlanHolds): Promise<SharedPlan[]> {
  const [plans, held] = await Promise.all([sharedPlans(area), holds.held()]);
  return plans.filter((plan) => !held.has(plan.id));
}

/**
 * Opens a plan and shares it, as the panel does (whatever `share()` starts, the background copy
 * gets). `watch` runs between the two, so it sees everything sharing brings; its stop function is
 * returned with the session. If sharing fails, watching stops, the plan is closed again and the
 * error passed on.
 */
export async function openShared(
  deps: BackgroundPlanDeps,
  plan: SharedPlan,
  watch: (session: BackgroundSession) => () => void,
): Promise<{ session: BackgroundSession; stop: () => void }> {
  const session = await deps.open(plan.id);
  const stop = watch(session);
  try {
    await session.share(plan.secret, await deps.network(), undefined, plan.epoch);
    return { session, stop };
  } catch (error) {
    stop();
    await session.close().catch(() => {});
    throw error;
  }
}

/** Calls `changed` on every change to the document (in the background, all come from outside); returns the stop function. */
export function onDocChanges(session: BackgroundSession, changed: () => void): () => void {
  const listener = () => changed();
  session.doc.on('update', listener);
  return () => session.doc.off('update', listener);
}
