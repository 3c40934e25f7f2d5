/**
 * Dates around the real today for the meetings, reports and chronology journeys (the app reads
 * the clock once per page): the initial conference held 30 days ago, the review booked in 60.
 */
import { addDays, format, subDays } from 'date-fns';

export const now = new Date();
export const iso = (d: Date) => format(d, 'yyyy-MM-dd');
export const words = (d: Date) => format(d, 'd MMMM yyyy');
export const icpcDay = subDays(now, 30);
export const reviewDay = addDays(now, 60);
export const ICPC = `Initial child protection conference, ${words(icpcDay)}`;
export const REVIEW = `Review child protection conference, ${words(reviewDay)}`;
