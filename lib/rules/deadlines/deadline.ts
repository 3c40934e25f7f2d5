/**
 * A due item as the deadline engine gives it out (deadlines.ts) and the app shows it (lib/due):
 * what is due, when, under which rule, and what met it. Types only, so the engine's parts can name
 * it without importing the engine.
 */
import type { IsoDate } from '../../dates/iso-date.ts';
import type { HolidaySource } from '../calendar/holidays.ts';
import type { Nature, TimescaleId } from './profiles/types.ts';

export type DeadlineStatus = 'met' | 'overdue' | 'due-today' | 'due-soon' | 'upcoming';

export interface Deadline {
  /** Stable across recomputations: rule and the event counted from, e.g. `T8:icpc-1`. */
  key: string;
  ruleId: TimescaleId;
  nature: Nature;
  title: string;
  due: IsoDate;
  status: DeadlineStatus;
  /** A sentence citing the source: "First core group within 10 working days of the initial conference (Wirral 2016, 6.3, 7.3)." */
  basis: string;
  /** The rule's full source (document and section). */
  source: string;
  /** Ids of the events the due date derives from. */
  hangsOn: string[];
  /** The event that met it on time. */
  metBy?: string;
  /** The event that happened, but after the due date. */
  metLateBy?: string;
  /** A booked (scheduled) meeting that would answer it, and whether it is booked in time. */
  booked?: { id: string; date: IsoDate; inTime: boolean };
  /** For working-day counts: what the bank holidays counted over rest on (anything but `official` is computed). */
  holidays?: HolidaySource;
  /** T16: the earliest date the conference may be held (16 weeks' gestation). */
  notBefore?: IsoDate;
  /** T21: the action's own words. */
  detail?: string;
}
