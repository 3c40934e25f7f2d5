/**
 * The background's check of every plan: the badge shows how many items are overdue or due today,
 * and a notification says so when an item needs attention that was not announced yet today.
 *
 * Everything is read afresh on each check (the plan list, each plan, the member's profiles, the
 * pretend date, what was last announced): the service worker keeps nothing between events.
 * Nothing shown outside the panel names a family or child (see due-summary.ts).
 */
import type { KeyValueArea } from '../platform/key-value-area.ts';
import type { Badge } from '../platform/badge.ts';
import type { Notifier } from '../platform/notifications.ts';
import { loadToday } from '../settings/clock-override.ts';
import { urgentAcrossPlans, type UrgentAcrossPlansOptions } from './urgent-across-plans.ts';
import { badgeText, countUrgent, urgentKeys, urgentSummary, type UrgentCounts } from './due-summary.ts';

/** The one deadline notification: a new one replaces it, so they never pile up. */
export const NOTICE_ID = 'deadlines';
/** The notification's title: the app, never a plan. */
export const NOTICE_TITLE = 'Core group plans';
/** The toolbar button's own title, before the summary. */
const BUTTON_TITLE = 'Open the core group plan';
/** Where what was last announced is kept: `{ date, keys }`, keys being plan ids and rule keys (no names). */
const LAST_NOTICE_KEY = 'deadlineNotice';

export interface RecheckDeps {
  area: KeyValueArea;
  badge: Badge;
  notifier: Notifier;
  /** Where each plan's urgent items are kept between checks (urgent-across-plans.ts). */
  kept: KeyValueArea;
  now?: Date;
  readPlan?: UrgentAcrossPlansOptions['readPlan'];
  planVersion?: UrgentAcrossPlansOptions['planVersion'];
}

export interface RecheckResult {
  today: string;
  counts: UrgentCounts;
  badge: string;
  title: string;
  /** The notification's message, when one was shown. */
  notified?: string;
}

/** Checks every plan, updates the badge and notifies about items not announced yet today. */
export async function recheckDeadlines(deps: RecheckDeps): Promise<RecheckResult> {
  const today = await loadToday(deps.area, deps.now);
  const plans = await urgentAcrossPlans(deps.area, { today, kept: deps.kept, readPlan: deps.readPlan, planVersion: deps.planVersion });
  const counts = countUrgent(plans);
  const summary = urgentSummary(counts);
  const result: RecheckResult = { today, counts, badge: badgeText(counts), title: `${BUTTON_TITLE}. ${summary}` };
  await deps.badge.show(result.badge, result.title);

  const keys = urgentKeys(plans);
  const last = await loadLastNotice(deps.area);
  const announced = new Set(last.date === today ? last.keys : []);
  if (keys.some((key) => !announced.has(key))) {
    await deps.notifier.notify(NOTICE_ID, NOTICE_TITLE, summary);
    result.notified = summary;
  } else if (keys.length === 0 && last.keys.length > 0) {
    // Nothing needs attention any more (done, or the pretend date went back): take the notice down.
    await deps.notifier.clear(NOTICE_ID);
  }
  if (last.date !== today || keys.join('\n') !== last.keys.join('\n')) {
    await deps.area.set({ [LAST_NOTICE_KEY]: { date: today, keys } });
  }
  return result;
}

async function loadLastNotice(area: KeyValueArea): Promise<{ date: string; keys: string[] }> {
  const value = (await area.get([LAST_NOTICE_KEY]))[LAST_NOTICE_KEY] as { date?: unknown; keys?: unknown } | undefined;
  const date = typeof value?.date === 'string' ? value.date : '';
  const keys = Array.isArray(value?.keys) ? value.keys.filter((k): k is string => typeof k === 'string') : [];
  return { date, keys };
}
