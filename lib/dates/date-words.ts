/**
 * Dates as the checks read them: yyyy-MM-dd strings that name a real calendar day. A mistyped date
 * in the document is a finding for the user, never an exception; a bad `today` from the caller is a
 * programmer error and throws.
 */
import { format, isValid, parseISO, startOfISOWeek } from 'date-fns';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The date when `value` is a yyyy-MM-dd string naming a real day (not 2025-02-30), else null. */
export function parsePlanDate(value: unknown): Date | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null;
  const date = parseISO(value);
  // The round trip rejects any day that does not exist, however leniently the parser treats it.
  return isValid(date) && format(date, 'yyyy-MM-dd') === value ? date : null;
}

/** Throws a `RangeError` naming `where` unless `today` is a yyyy-MM-dd date; returns it. */
export function assertToday(today: unknown, where: string): string {
  if (parsePlanDate(today) === null) {
    throw new RangeError(`${where}: ctx.today must be a yyyy-MM-dd date, got ${JSON.stringify(today) ?? String(today)}`);
  }
  return today as string;
}

/**
 * The Monday starting the ISO week of a yyyy-MM-dd date (also a yyyy-MM-dd string), or null for an
 * invalid date: two dates share an ISO week exactly when they share this value.
 */
export function isoWeekStart(value: unknown): string | null {
  const date = parsePlanDate(value);
  return date ? format(startOfISOWeek(date), 'yyyy-MM-dd') : null;
}

/** A date for a message, as people write it in England: "4 March 2025". Assumes a valid date. */
export function describeDate(value: string): string {
  const date = parsePlanDate(value);
  return date ? format(date, 'd MMMM yyyy') : value;
}
