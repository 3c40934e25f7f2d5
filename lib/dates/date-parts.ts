/**
 * A date typed day first into three boxes (the GOV.UK Design System's date input): reading the
 * boxes into a `yyyy-MM-dd` date, or into the one message that says what is wrong and which boxes
 * are wrong. A native date field follows the browser's language, so a UK worker on an English (US)
 * Chromium saw mm/dd/yyyy and 04/07 could become 7 April; three labelled boxes cannot be misread.
 * What users type is never an exception: every outcome is a value.
 */
import { daysInMonth, type IsoDate } from './iso-date.ts';

export type DatePart = 'day' | 'month' | 'year';

/** What is typed in the three boxes, as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** The boxes read: all empty, a real date, or what is wrong and in which boxes. */
export type DatePartsReading =
  | { kind: 'empty' }
  | { kind: 'date'; value: IsoDate }
  | { kind: 'problem'; message: string; parts: DatePart[] };

export const DATE_PARTS: readonly DatePart[] = ['day', 'month', 'year'];

/** The hint every date input shows (GOV.UK: an example in the form the boxes take). */
export const DATE_HINT = 'For example, 27 3 2026';

/** Whole numbers only: "7", "07". Anything else (a sign, a dot, a letter, a space inside) is not a day. */
const WHOLE_NUMBER = /^[0-9]+$/;

/**
 * Reads the three boxes. Spaces around a number are ignored and leading zeros are fine; a missing
 * box is named ("Date must include a month"), then a year not of four digits ("Year must include 4
 * numbers": 26 could be 1926 or 2026), then a day or month that cannot be ("Date must be a real
 * date", marking only the wrong box: 31 April marks the day). `subject` starts the messages.
 */
export function readDateParts(parts: DateParts, subject = 'Date'): DatePartsReading {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  const missing = DATE_PARTS.filter((p) => ({ day, month, year })[p] === '');
  if (missing.length === 3) return { kind: 'empty' };
  if (missing.length > 0) return { kind: 'problem', message: `${subject} must include a ${missing.join(' and ')}`, parts: missing };

  const notNumbers = DATE_PARTS.filter((p) => !WHOLE_NUMBER.test({ day, month, year }[p]));
  if (notNumbers.length > 0) return { kind: 'problem', message: `${subject} must be a real date`, parts: notNumbers };
  if (year.length !== 4) return { kind: 'problem', message: 'Year must include 4 numbers', parts: ['year'] };
  // 0026 has four numbers but is a slip for 2026 or 1926, not a year a plan can mean.
  if (Number(year) < 1000) return { kind: 'problem', message: `${subject} must be a real date`, parts: ['year'] };

  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12) {
    // With no month the day cannot be judged, so it is marked only when it could fit no month.
    return { kind: 'problem', message: `${subject} must be a real date`, parts: d < 1 || d > 31 ? ['day', 'month'] : ['month'] };
  }
  if (d < 1 || d > daysInMonth(y, m)) return { kind: 'problem', message: `${subject} must be a real date`, parts: ['day'] };
  return { kind: 'date', value: `${y}-${pad(m)}-${pad(d)}` };
}

/**
 * The boxes showing a stored date: 2026-03-07 shows as 7, 3, 2026 (as the hint writes dates). A
 * stored value that is not a date (from an older version or a peer) is shown as written, so the
 * member sees it and can correct it; an empty value shows empty boxes.
 */
export function splitIsoDate(value: string): DateParts {
  const match = /^(\d+)-(\d+)-(\d+)$/.exec(value.trim());
  if (!match) return value.trim() === '' ? { day: '', month: '', year: '' } : { day: '', month: '', year: value.trim() };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
