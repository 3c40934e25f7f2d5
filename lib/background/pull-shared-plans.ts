/**
 * One background pull (Firefox, which has no offscreen document): every shared plan that no page
 * has open is opened from this device, shared, brought up to date (`catchUp`), saved and closed.
 * Plans are pulled side by side, each on its own: one that fails is reported and the rest go on.
 * If colleagues' edits arrived, deadlines are counted again.
 */
import type { CatchUp, CatchUpResult } from './catch-up.ts';
import { onDocChanges, openShared, plansForBackground, type BackgroundPlanDeps, type BackgroundSession } from './shared-plans.ts';

export interface PullDeps extends BackgroundPlanDeps {
  catchUp: CatchUp;
  /** Asks for every plan's deadlines to be counted again. */
  recheck: () => void;
  /** Runs while each plan is open (the plan list's entry following the document); its returned function runs before it closes. */
  whileOpen?: (session: BackgroundSession) => () => void;
  onError?: (message: string, error: unknown) => void;
}

export interface PullReport {
  /** Each plan pulled and how its catch-up ended. */
  pulled: { planId: string; result: CatchUpResult; changed: boolean }[];
  failed: string[];
}

export async function pullSharedPlans(deps: PullDeps): Promise<PullReport> {
  const onError = deps.onError ?? ((message, error) => console.error(message, error));
  const report: PullReport = { pulled: [], failed: [] };
  const plans = await plansForBackground(deps.area, deps.holds);
  await Promise.all(
    plans.map(async (plan) => {
      try {
        let changed = false;
        const { session, stop } = await openShared(deps, plan, (opened) => {
          const stops = [onDocChanges(opened, () => (changed = true)), deps.whileOpen?.(opened)];
          return () => stops.forEach((stop) => stop?.());
        });
        try {
          const result = await deps.catchUp(session);
          await session.persistence.flush();
          report.pulled.push({ planId: plan.id, result, changed });
        } finally {
          stop();
          await session.close();
        }
      } catch (error) {
        report.failed.push(plan.id);
        onError('A shared plan could not be brought up to date in the background', error);
      }
    }),
  );
  if (report.pulled.some((p) => p.changed)) deps.recheck();
  return report;
}
