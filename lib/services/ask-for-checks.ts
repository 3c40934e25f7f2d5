/**
 * The background's badge counts what is due in every plan, reading each from storage. Edits to a
 * plan do not touch extension storage, so the page asks for a fresh count a few seconds after the
 * open plan changes (here or from a colleague), when it leaves a plan (for another view or another
 * plan), and when it is hidden (the panel closed, the tab left) with a plan open.
 */
import type { RecheckRequests } from '../platform/badge-refresh.ts';
import { watchPlanEdits } from '../due/watch-plan-edits.ts';

export function askForChecksOnPlanChanges(requests: RecheckRequests, win: Window = window): void {
  const ask = () => void requests.request();
  const planIn = (url: string) => /#\/plan\/([0-9a-f]{32})/.exec(url)?.[1];
  let watching: { planId: string; stop: () => void } | undefined;
  const follow = () => {
    const planId = planIn(win.location.href);
    if (watching?.planId === planId) return;
    watching?.stop();
    watching = planId ? { planId, stop: watchPlanEdits(planId, ask) } : undefined;
  };
  win.addEventListener('hashchange', (event) => {
    const left = planIn(event.oldURL);
    if (left && left !== planIn(event.newURL)) ask();
    follow();
  });
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'hidden' && planIn(win.location.href)) ask();
  });
  follow();
}
