/**
 * Retention of an ended plan on this device: once a plan has ended, after a period its timescale
 * profile sets (`endedPlanLocalCopyMonths`, which a board sets in its own profile), the plan list
 * prompts the member to back the plan up and remove it from this device. Pure: the date is passed in.
 *
 * Neither TIMESCALES.md nor the guidance the shipped profiles cite gives such a period, so the
 * built-in default is this product's own choice, and the interface says so.
 */
import { isPlanDate } from '../../dates/iso-date.ts';
import { addMonths } from '../calendar/calendar.ts';

/** The product's own default (not from guidance): a year after the plan ended. */
export const DEFAULT_ENDED_PLAN_MONTHS = 12;
/** Longest period a profile may set: seven years. */
export const MAX_ENDED_PLAN_MONTHS = 84;

/** The period a profile sets, or the product's default when it sets none (or a broken one). */
export function endedPlanMonths(profile: { endedPlanLocalCopyMonths?: unknown } | undefined): { months: number; fromProfile: boolean } {
  const months = profile?.endedPlanLocalCopyMonths;
  return isEndedPlanMonths(months) ? { months, fromProfile: true } : { months: DEFAULT_ENDED_PLAN_MONTHS, fromProfile: false };
}

/** A whole number of months from 1 to MAX_ENDED_PLAN_MONTHS. */
export function isEndedPlanMonths(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_ENDED_PLAN_MONTHS;
}

/**
 * The day from which an ended plan prompts to be backed up and removed from this device, and
 * whether `today` has reached it; null for a plan not ended (no valid `endedOn`).
 */
export function endedPlanPrompt(endedOn: string, months: number, today: string): { dueOn: string; due: boolean } | null {
  if (!isPlanDate(endedOn) || !isPlanDate(today) || !isEndedPlanMonths(months)) return null;
  const dueOn = addMonths(endedOn, months);
  return { dueOn, due: today >= dueOn };
}
