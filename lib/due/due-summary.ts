/**
 * What is due across every plan on this device, and how it is said outside the panel.
 *
 * Confidentiality (DESIGN.md, Reliability): the toolbar badge, its tooltip and notifications are
 * seen by anyone near the screen, so their words are built from counts alone: "2 items due today
 * in 1 plan". The functions that make them take numbers, never a plan, so no family or child name
 * can reach them.
 */
import type { Deadline, DeadlineStatus } from '../rules/deadlines/deadline.ts';
import { compareDeadlines } from '../rules/deadlines/deadlines.ts';

/** The items that need someone's attention now or shortly, in the order they are listed. */
export const ATTENTION_STATUSES: readonly DeadlineStatus[] = ['overdue', 'due-today', 'due-soon'];

/** What the badge and notifications need of an item: which it is, and whether it is urgent. */
export type UrgentDeadline = Pick<Deadline, 'key' | 'status'>;

export interface PlanDeadlines<D extends UrgentDeadline = Deadline> {
  planId: string;
  deadlines: readonly D[];
}

export interface DueItem {
  planId: string;
  deadline: Deadline;
}

/** Counts for the badge and notifications: numbers only. */
export interface UrgentCounts {
  overdue: number;
  dueToday: number;
  /** Plans with at least one item overdue or due today. */
  plans: number;
}

/**
 * Every overdue, due-today and due-soon item of `plans`, overdue first, then by due date (the
 * engine's order, `compareDeadlines`), then by plan so the list is the same on every run.
 */
export function collectAttention(plans: readonly PlanDeadlines[]): DueItem[] {
  const items: DueItem[] = [];
  for (const { planId, deadlines } of plans) {
    for (const deadline of deadlines) if (ATTENTION_STATUSES.includes(deadline.status)) items.push({ planId, deadline });
  }
  return items.sort((a, b) => compareDeadlines(a.deadline, b.deadline) || (a.planId < b.planId ? -1 : a.planId > b.planId ? 1 : 0));
}

/** How many items are overdue or due today, and in how many plans. */
export function countUrgent(plans: readonly PlanDeadlines<UrgentDeadline>[]): UrgentCounts {
  const counts: UrgentCounts = { overdue: 0, dueToday: 0, plans: 0 };
  for (const { deadlines } of plans) {
    let urgent = false;
    for (const { status } of deadlines) {
      if (status === 'overdue') counts.overdue += 1;
      else if (status === 'due-today') counts.dueToday += 1;
      else continue;
      urgent = true;
    }
    if (urgent) counts.plans += 1;
  }
  return counts;
}

/** The keys of the items overdue or due today, as `<plan id> <deadline key>`: to tell new items from ones already announced. */
export function urgentKeys(plans: readonly PlanDeadlines<UrgentDeadline>[]): string[] {
  const keys: string[] = [];
  for (const { planId, deadlines } of plans) {
    for (const d of deadlines) if (d.status === 'overdue' || d.status === 'due-today') keys.push(`${planId} ${d.key}`);
  }
  return keys.sort();
}

/** The badge: the number of items overdue or due today; empty when there are none. */
export function badgeText(counts: UrgentCounts): string {
  const total = counts.overdue + counts.dueToday;
  if (total === 0) return '';
  // The badge has room for about four characters.
  return total > 999 ? '999+' : String(total);
}

/**
 * One sentence for the badge's tooltip and the notification: "2 items due today in 1 plan",
 * "1 item overdue and 3 due today in 2 plans", "Nothing is overdue or due today."
 */
export function urgentSummary(counts: UrgentCounts): string {
  const { overdue, dueToday, plans } = counts;
  if (overdue + dueToday === 0) return 'Nothing is overdue or due today.';
  const where = `in ${plans} ${plans === 1 ? 'plan' : 'plans'}`;
  if (dueToday === 0) return `${overdue} ${items(overdue)} overdue ${where}`;
  if (overdue === 0) return `${dueToday} ${items(dueToday)} due today ${where}`;
  return `${overdue} ${items(overdue)} overdue and ${dueToday} due today ${where}`;
}

function items(n: number): string {
  return n === 1 ? 'item' : 'items';
}
