/**
 * Opens a plan for a page or the background copy, with its entry in the plan list following the
 * membership epochs the session moves to (the secret to sync with next time it opens).
 */
import type { KeyValueArea } from '../platform/key-value-area.ts';
import { openPlanSession, type PlanSession, type PlanSessionOptions } from '../sync/plan-session.ts';
import { recordPlanEpoch } from './plan-index.ts';

export function planOpener(area: KeyValueArea): (planId: string, options?: PlanSessionOptions) => Promise<PlanSession> {
  return (planId, options = {}) => openPlanSession(planId, { ...options, saveEpoch: (epoch, secret) => recordPlanEpoch(area, planId, epoch, secret) });
}
