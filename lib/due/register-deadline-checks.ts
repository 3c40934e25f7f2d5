/**
 * When the background checks every plan's deadlines: each day just after midnight (an alarm),
 * when the browser starts or the extension is installed, when the list of plans, the member's own
 * profiles or the pretend date change in storage, and when a page asks (after booking a meeting,
 * changing a plan's timescales, or leaving a plan it may have changed). Clicking the notification
 * opens the plan list. Registered synchronously at every start of the service worker, as Chrome
 * requires for events that wake it; nothing is kept between events.
 */
import type { KeyValueArea } from '../platform/key-value-area.ts';
import { nextDayStart, type Alarms } from '../platform/alarms.ts';
import type { RecheckRequests } from '../platform/badge-refresh.ts';
import { touchesPlanIndex } from '../library/plan-index.ts';
import { touchesOwnProfiles } from '../settings/own-profiles.ts';
import { touchesClockOverride } from '../settings/clock-override.ts';
import { NOTICE_ID, recheckDeadlines, type RecheckDeps } from './recheck-deadlines.ts';

/** The daily alarm's name. */
export const DAILY_CHECK = 'deadlines-daily';

export interface DeadlineCheckDeps extends RecheckDeps {
  alarms: Alarms;
  requests: RecheckRequests;
  /** Opens the list of plans (a notification was clicked). */
  openPlanList: () => void;
  /** Where a failed check is reported (the console in the background). */
  onError?: (error: unknown) => void;
}

/** Registers every trigger; returns a function that removes them all (for tests). */
export function registerDeadlineChecks(deps: DeadlineCheckDeps): () => void {
  const onError = deps.onError ?? ((error: unknown) => console.error('The deadline check failed', error));
  const check = () => void recheckDeadlines({ ...deps, now: deps.now ?? new Date() }).catch(onError);
  void deps.alarms.ensureDaily(DAILY_CHECK, nextDayStart(deps.now ?? new Date())).catch(onError);
  const stops = [
    deps.alarms.onAlarm((name) => {
      if (name === DAILY_CHECK) check();
    }),
    deps.alarms.onBrowserStart(check),
    deps.area.onChanged((changes) => {
      if (touchesPlanIndex(changes) || touchesOwnProfiles(changes) || touchesClockOverride(changes)) check();
    }),
    deps.requests.onRequest(check),
    deps.notifier.onClicked((id) => {
      if (id === NOTICE_ID) deps.openPlanList();
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
