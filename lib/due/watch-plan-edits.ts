/**
 * Notices that a plan open in this browser changed, without holding its document: for the page
 * to ask the background to count the badge again while a member edits (a meeting recorded, an
 * action done), not only when they leave the plan.
 *
 * Every page with a plan open broadcasts each change of it on the plan's local channel; this
 * listens there (lib/sync/local-channel.ts onLocalUpdates) and never posts. Bursts of changes
 * (typing) are gathered into one call `delayMs` after the last.
 */
import { planDatabaseName } from '../sync/persistence.ts';
import { onLocalUpdates } from '../sync/local-channel.ts';

export interface WatchPlanEditsOptions {
  delayMs?: number;
  createChannel?: (name: string) => BroadcastChannel;
}

/** How long after the last change to wait: long enough that typing a paragraph asks once. */
const DEFAULT_DELAY_MS = 3000;

export interface PlanEditsWatch {
  /** Makes a call that is waiting for the burst to end now (nothing when none is waiting). */
  flush(): void;
  /** Stops listening, dropping a waiting call. */
  stop(): void;
}

/** Calls `onEdited` after changes to the plan `planId`, once per burst. */
export function watchPlanEdits(planId: string, onEdited: () => void, options: WatchPlanEditsOptions = {}): PlanEditsWatch {
  const delay = options.delayMs ?? DEFAULT_DELAY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const call = () => {
    timer = undefined;
    onEdited();
  };
  const stop = onLocalUpdates(
    planDatabaseName(planId),
    () => {
      clearTimeout(timer);
      timer = setTimeout(call, delay);
    },
    options.createChannel,
  );
  return {
    flush() {
      if (timer === undefined) return;
      clearTimeout(timer);
      call();
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
      stop();
    },
  };
}
