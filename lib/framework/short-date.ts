/**
 * A date short enough for a table column or a chart axis at side-panel width: "10 Jan 2025". A
 * value that is not a real yyyy-MM-dd date (a peer's half-typed record) is shown as it is, or as
 * "No date", never thrown over.
 */
import { format, parseISO } from 'date-fns';
import { isIsoDate } from '../plan/index.ts';

export function shortDate(value: string): string {
  if (!isIsoDate(value)) return value.trim() === '' ? 'No date' : value;
  return format(parseISO(value), 'd MMM yyyy');
}
