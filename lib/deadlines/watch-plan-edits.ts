/**
 * Notices that a plan open in this browser changed, without holding its document: for the page
 * to ask the background to count the badge again while a member edits (a meeting recorded, an
 * action done), not only when they leave the plan.
 *
 * Every page with a plan open broadcasts each change of it on the plan's local channel
 * (lib/sync/local-channel.ts: channel `plan:<id>`, messages of kind `update`, edits made here and
 * changes from colleagues alike); this listens on that channel and never posts to it. Bursts of
 * changes (typing) are gathered into one call `delayMs` after the last.
 */
import { planDatabaseName } from '../sync/persistence.ts';

export interface WatchPlanEditsOptions {
  delayMs?: number;
  createChannel?: (name: string) => BroadcastChannel;
}

/** How long after the last change to wait: long enough that typing a paragraph asks once. */
const DEFAULT_DELAY_MS = 3000;

/** Calls `onEdited` after changes to the plan `planId`; returns the stop function (which drops a pending call). */
export function watchPlanEdits(planId: string, onEdited: () => void, options: WatchPlanEditsOptions = {}): () => void {
  const channel = (options.createChannel ?? ((name: string) => new BroadcastChannel(name)))(planDatabaseName(planId));
  const delay = options.delayMs ?? DEFAULT_DELAY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onMessage = (event: MessageEvent) => {
    const data = event.data as { kind?: unknown } | null;
    if (typeof data !== 'object' || data === null || data.kind !== 'update') return;
    clearTimeout(timer);
    timer = setTimeout(onEdited, delay);
  };
  channel.addEventListener('message', onMessage);
  return () => {
    clearTimeout(timer);
    channel.removeEventListener('message', onMessage);
    channel.close();
  };
}
