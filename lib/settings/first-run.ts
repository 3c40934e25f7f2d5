/**
 * Whether the member has answered the first-run question "who are you?" on this device: saved their
 * name, agency and role, or chose to skip. Either answer is remembered and the question is never
 * asked again; a member who has already declared who they are (in "About you") is never asked.
 */
import type { KeyValueArea } from '../platform/key-value-area.ts';
import { storedKey } from '../platform/stored-source.ts';
import type { Identity } from './identity.ts';

export type FirstRunAnswer = 'saved' | 'skipped';

const KEY = 'first-run';

/** The stored answer; anything else reads as not yet answered. */
export const firstRunSource = storedKey(KEY, (value): FirstRunAnswer | undefined => (value === 'saved' || value === 'skipped' ? value : undefined));

/** True when the first screen should ask who the member is. */
export function asksWhoYouAre(answer: FirstRunAnswer | undefined, identity: Identity): boolean {
  return answer === undefined && identity.name.trim() === '';
}

export async function saveFirstRunAnswer(area: KeyValueArea, answer: FirstRunAnswer): Promise<void> {
  await area.set({ [KEY]: answer });
}
