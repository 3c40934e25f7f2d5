/**
 * The background copies (Chrome's offscreen document): one open, shared session for every shared
 * plan on this device that no page has open, so colleagues' edits reach this device's IndexedDB
 * while the panel is closed, and our own reach them. Each copy is one more peer on the plan's local
 * channel; when a page opens the plan, the page takes over and the copy closes; when the last page
 * lets go, the copy opens again.
 *
 * It follows the plan list as it changes (a plan shared or joined, a plan deleted) and the pages'
 * holds (polled: Web Locks raise no event). After colleagues' edits arrive and the plan is saved,
 * it asks the background to count deadlines again, so a new action due tomorrow raises the usual
 * prompt with the panel never opened.
 */
import { touchesPlanIndex } from '../library/plan-index.ts';
import { touchesNetworkSettings } from './copies-storage.ts';
import { onDocChanges, openShared, plansForBackground, type BackgroundPlanDeps, type BackgroundSession } from './shared-plans.ts';

export interface BackgroundCopiesDeps extends BackgroundPlanDeps {
  /** Asks for every plan's deadlines to be counted again. */
  recheck: () => void;
  /** How often the pages' holds are looked at (and the plan list read again). */
  pollMs?: number;
  /** How long after the last change arrives to save and ask for the recount. */
  settleMs?: number;
  /** How long to wait before trying again to open a plan that failed to open. */
  retryMs?: number;
  /**
   * How long a plan must be shared with no page holding it before a copy opens: a page that has
   * just shared or joined a plan takes it within moments, and a copy opened in between would
   * briefly be one more member in the room.
   */
  graceMs?: number;
  now?: () => number;
  /** Runs while each copy is open (the plan list's entry following the document); its returned function runs before the copy closes. */
  whileOpen?: (session: BackgroundSession) => () => void;
  onError?: (message: string, error: unknown) => void;
}

export interface BackgroundCopies {
  /** Brings the open copies in line with the plan list and the pages' holds. */
  reconcile(): Promise<void>;
  /** The plans with a copy open now. */
  openPlans(): string[];
  /** Closes every copy and stops following. */
  stop(): Promise<void>;
}

const POLL_MS = 2_000;
const SETTLE_MS = 2_000;
const RETRY_MS = 60_000;
const GRACE_MS = 5_000;

interface Copy {
  session: BackgroundSession;
  secret: string;
  stop: () => void;
}

export function keepBackgroundCopies(deps: BackgroundCopiesDeps): BackgroundCopies {
  const now = deps.now ?? Date.now;
  const onError = deps.onError ?? ((message, error) => console.error(message, error));
  const settleMs = deps.settleMs ?? SETTLE_MS;
  const copies = new Map<string, Copy>();
  const failedAt = new Map<string, number>();
  /** When each wanted plan was first seen with no page holding it. */
  const unheldSince = new Map<string, number>();
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let reshare = false;

  const follow = (session: BackgroundSession): (() => void) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const saveAndRecheck = () => {
      timer = undefined;
      session.persistence.flush().then(deps.recheck, (error: unknown) => onError('A background copy could not be saved', error));
    };
    const stopChanges = onDocChanges(session, () => {
      clearTimeout(timer);
      timer = setTimeout(saveAndRecheck, settleMs);
    });
    const stopWhileOpen = deps.whileOpen?.(session);
    return () => {
      stopChanges();
      stopWhileOpen?.();
      // A change still waiting is saved by closing; the recount is asked for now.
      if (timer !== undefined) deps.recheck();
      clearTimeout(timer);
    };
  };

  const close = async (planId: string) => {
    const copy = copies.get(planId);
    if (!copy) return;
    copies.delete(planId);
    copy.stop();
    await copy.session.close().catch((error: unknown) => onError('A background copy could not be closed cleanly', error));
  };

  const once = async () => {
    if (reshare) {
      // New connection settings: every copy is shared afresh with them.
      reshare = false;
      await Promise.all([...copies.keys()].map(close));
    }
    const wanted = new Map((await plansForBackground(deps.area, deps.holds)).map((plan) => [plan.id, plan]));
    for (const [planId, copy] of copies) {
      if (wanted.get(planId)?.secret !== copy.secret) await close(planId);
    }
    for (const planId of unheldSince.keys()) if (!wanted.has(planId)) unheldSince.delete(planId);
    for (const planId of wanted.keys()) if (!unheldSince.has(planId)) unheldSince.set(planId, now());
    const due = (plan: { id: string }) =>
      now() - unheldSince.get(plan.id)! >= (deps.graceMs ?? GRACE_MS) && now() - (failedAt.get(plan.id) ?? -Infinity) >= (deps.retryMs ?? RETRY_MS);
    const opening = [...wanted.values()].filter((plan) => !copies.has(plan.id) && due(plan));
    await Promise.all(
      opening.map(async (plan) => {
        try {
          const { session, stop } = await openShared(deps, plan, follow);
          if (stopped) {
            stop();
            return void (await session.close());
          }
          failedAt.delete(plan.id);
          copies.set(plan.id, { session, secret: plan.secret, stop });
        } catch (error) {
          failedAt.set(plan.id, now());
          onError('A shared plan could not be kept in step in the background', error);
        }
      }),
    );
  };

  const reconcile = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await once().catch((error: unknown) => onError('The background copies could not be brought up to date', error));
      } while (again && !stopped);
    })().finally(() => (running = null));
    return running;
  };

  const stopWatching = deps.area.onChanged((changes) => {
    if (touchesNetworkSettings(changes)) reshare = true;
    if (reshare || touchesPlanIndex(changes)) void reconcile();
  });
  const poll = setInterval(() => void reconcile(), deps.pollMs ?? POLL_MS);
  void reconcile();

  return {
    reconcile,
    openPlans: () => [...copies.keys()],
    async stop() {
      stopped = true;
      clearInterval(poll);
      stopWatching();
      await running;
      await Promise.all([...copies.keys()].map(close));
    },
  };
}
