/**
 * The open plans of one page, shared: every view that needs a plan acquires it here, and two
 * acquirers of the same plan (the plan view and "Add to plan", say) get the one session, so one
 * document, one database connection and one set of peers. The session closes when the last
 * holder releases it.
 */
import { openPlanSession, type PlanSession } from './plan-session.ts';

export interface PlanLease {
  readonly session: PlanSession;
  /** Lets go of the session; the last release closes it. Calling it again does nothing. */
  release(): void;
}

export interface PlanSessions {
  /** The plan's session, opened on the first acquire; rejects as opening does (nothing is held then). */
  acquire(planId: string): Promise<PlanLease>;
}

/**
 * `open`: how a session is opened (tests pass a fake). `whileOpen`: runs once per opened session,
 * for what every open plan does whoever holds it (mirroring its summary in the plan list); its
 * returned function runs before the session closes.
 */
export function createPlanSessions(
  open: (planId: string) => Promise<PlanSession> = openPlanSession,
  whileOpen: (session: PlanSession) => () => void = () => () => {},
): PlanSessions {
  const entries = new Map<string, { opening: Promise<{ session: PlanSession; stop: () => void }>; holders: number }>();

  const letGo = (planId: string, entry: { holders: number }) => {
    entry.holders--;
    if (entry.holders > 0 || entries.get(planId) !== entry) return false;
    entries.delete(planId);
    return true;
  };

  return {
    async acquire(planId) {
      let entry = entries.get(planId);
      if (!entry) {
        entry = {
          opening: open(planId).then((session) => ({ session, stop: whileOpen(session) })),
          holders: 0,
        };
        entries.set(planId, entry);
      }
      entry.holders++;
      const held = entry;
      let opened: { session: PlanSession; stop: () => void };
      try {
        opened = await held.opening;
      } catch (error) {
        // A failed open is forgotten, so the next acquire tries again.
        letGo(planId, held);
        if (entries.get(planId) === held) entries.delete(planId);
        throw error;
      }
      let released = false;
      return {
        session: opened.session,
        release() {
          if (released) return;
          released = true;
          if (!letGo(planId, held)) return;
          opened.stop();
          void opened.session.close().catch((error: unknown) => console.error('The plan could not be closed cleanly', error));
        },
      };
    },
  };
}
