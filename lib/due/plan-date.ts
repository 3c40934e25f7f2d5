/**
 * The dates deadlines are counted from: a real yyyy-MM-dd date in the years a plan can mean. The
 * date fields accept years up to 275760, so a slip like 20026 is a real date to the browser; a
 * year outside 1900–2199 is treated as such a slip and left out, so one mistyped date cannot stop
 * every other deadline of the plan from showing.
 */

const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

/** True for a real yyyy-MM-dd date with a year from 1900 to 2199. */
export function isPlanDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
