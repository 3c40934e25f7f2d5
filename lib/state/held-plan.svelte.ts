/**
 * A component's hold on an open plan: acquires the plan's shared session (lib/sync/plan-sessions.ts)
 * while the component is mounted, follows a change of plan id, and releases on destroy. Call it
 * while the component initialises (it runs an effect).
 */
import type { PlanSession } from '../sync/plan-session.ts';
import type { PlanSessions } from '../sync/plan-sessions.ts';

export interface HeldPlan {
  /** The open session, or null while opening (or when there is no plan or it failed). */
  readonly session: PlanSession | null;
  /** What went wrong opening it, or null. */
  readonly failure: unknown;
}

export interface HoldOptions {
  /** Runs before opening and rejects to stop it (a plan no longer on this device). */
  guard?: (planId: string) => Promise<void>;
  /** Runs as the session arrives, before anything renders with it. */
  opened?: (session: PlanSession) => void;
}

export function holdPlan(plans: PlanSessions, planId: () => string, { guard = async () => {}, opened }: HoldOptions = {}): HeldPlan {
  let session = $state.raw<PlanSession | null>(null);
  let failure = $state.raw<unknown>(null);
  $effect(() => {
    const id = planId();
    failure = null;
    if (!id) return;
    let gone = false;
    let release = () => {};
    guard(id)
      .then(() => plans.acquire(id))
      .then(
        (lease) => {
          if (gone) return lease.release();
          release = lease.release;
          opened?.(lease.session);
          session = lease.session;
        },
        (error: unknown) => {
          if (!gone) failure = error;
        },
      );
    return () => {
      gone = true;
      session = null;
      release();
    };
  });
  return {
    get session() {
      return session;
    },
    get failure() {
      return failure;
    },
  };
}
