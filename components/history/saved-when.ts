/** When a version was saved, in words: "3 March 2026" (a longer date-time is shown by its date). */
import { dateInWords } from '../../lib/dates/date-words.ts';

export function savedWhen(savedAt: string): string {
  return dateInWords(savedAt.slice(0, 10), 'an unknown date');
}
