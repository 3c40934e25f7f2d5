/**
 * Cloning a profile so a user can change its figures: the copy shares nothing with the original
 * (shipped profiles are frozen) and records where it came from. Storing it is done elsewhere.
 */
import { describe } from '../../../dates/iso-date.ts';
import type { Profile } from './types.ts';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A deep copy of `profile` with a new id and name and `basedOn` set to the original's id. The id is
 * chosen by code (not typed by the user), so a malformed `newId` or an empty `newName` is a
 * programmer error: `RangeError` naming it.
 */
export function cloneProfile(profile: Profile, newId: string, newName: string): Profile {
  if (typeof newId !== 'string' || !KEBAB.test(newId)) {
    throw new RangeError(`newId must be kebab-case (lower-case words joined by hyphens), got ${describe(newId)}`);
  }
  if (typeof newName !== 'string' || newName.trim() === '') throw new RangeError('newName must be non-empty text');
  if (newId === profile.id) throw new RangeError(`newId must differ from the original's id "${profile.id}"`);
  return { ...structuredClone(profile), id: newId, name: newName.trim(), basedOn: profile.id };
}
