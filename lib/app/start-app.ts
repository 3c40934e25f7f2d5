/** Mounts the app into a page (the side panel or the full-width tab). Entry points call only this. */
import { mount, unmount } from 'svelte';
import App from '../../components/App.svelte';
import PretendDateBanner from '../../components/due/PretendDateBanner.svelte';
import '../../components/app.css';
import { browserLocalArea } from '../platform/key-value-area.ts';
import { requestPersistentStorage } from '../platform/persist-storage.ts';
import { setPretendToday } from '../platform/clock.ts';
import { browserRecheckRequests } from '../platform/badge-refresh.ts';
import { loadClockOverride, touchesClockOverride } from '../settings/clock-override.ts';
import { OwnProfilesState } from '../settings/own-profiles-state.svelte.ts';
import { listOwnProfiles } from '../settings/own-profiles.ts';
import { watchPlanEdits } from '../due/watch-plan-edits.ts';
import { profileOptions } from './profile-options.ts';

export function startApp(target: HTMLElement, layout: 'panel' | 'tab'): void {
  void requestPersistentStorage().catch(() => {});
  void start(target, layout).catch((error: unknown) => console.error('The app could not start', error));
}

async function start(target: HTMLElement, layout: 'panel' | 'tab'): Promise<void> {
  const area = browserLocalArea();
  // Before anything renders: the pretend date (views read today as they open) and the member's own
  // profiles (the new-plan form lists them with the shipped ones, kept up to date as they change).
  const [stored, own] = await Promise.all([
    loadClockOverride(area).catch(() => undefined),
    listOwnProfiles(area).catch(() => undefined),
  ]);
  let pretend = stored;
  setPretendToday(pretend);
  const ownProfiles = new OwnProfilesState(area, own);
  const mountApp = () =>
    mount(App, {
      target,
      props: {
        area,
        layout,
        get profiles() {
          return profileOptions(ownProfiles.current);
        },
      },
    });

  // Shown above every view while a pretend date is on.
  const bannerHost = document.createElement('div');
  target.before(bannerHost);
  mount(PretendDateBanner, { target: bannerHost, props: { area } });
  let app = mountApp();

  area.onChanged(async (changes) => {
    if (!touchesClockOverride(changes)) return;
    const next = await loadClockOverride(area).catch(() => undefined);
    if (next === pretend) return;
    pretend = next;
    setPretendToday(next);
    // Views read today once as they open, so every view opens afresh on the new date.
    await unmount(app);
    app = mountApp();
  });

  askForChecksOnPlanChanges();
}

/**
 * The background's badge counts what is due in every plan, reading each from storage. Edits to a
 * plan do not touch extension storage, so the page asks for a fresh count a few seconds after the
 * open plan changes (here or from a colleague), when it leaves a plan (for another view or another
 * plan), and when it is hidden (the panel closed, the tab left) with a plan open.
 */
function askForChecksOnPlanChanges(win: Window = window): void {
  const requests = browserRecheckRequests();
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
