/**
 * The background's badge counts what is due in every plan, reading each from storage (what it
 * read is kept, lib/due/urgent-across-plans.ts, so a plan is read again only once it has changed).
 * Edits to a plan do not touch extension storage, so the page asks for a fresh count a few seconds
 * after the open plan changes (here or from a colleague), and at once when it leaves the plan (for
 * another view or another plan) or is hidden (the panel closed, the tab left) with such a count
 * still waiting. A plan only looked at asks for nothing: counting again would read it for nothing,
 * while the member is opening the next one.
 */
import type { RecheckRequests } from '../platform/badge-refresh.ts';
import { watchPlanEdits, type PlanEditsWatch, type WatchPlanEditsOptions } from '../due/watch-plan-edits.ts';

export function askForChecksOnPlanChanges(requests: RecheckRequests, win: Window = window, options: WatchPlanEditsOptions = {}): void {
  const ask = () => void requests.request();
  const planIn = (url: string) => /#\/plan\/([0-9a-f]{32})/.exec(url)?.[1];
  let watching: (PlanEditsWatch & { planId: string }) | undefined;
  const follow = () => {
    const planId = planIn(win.location.href);
    if (watching?.planId === planId) return;
    watching?.flush();
    watching?.stop();
    watching = planId ? { planId, ...watchPlanEdits(planId, ask, options) } : undefined;
  };
  win.addEventListener('hashchange', follow);
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'hidden') watching?.flush();
  });
  follow();
}
