/**
 * The member's own timescale profiles: copies of a shipped profile with their board's figures,
 * kept in extension storage on this device, one key per profile (`profile/<id>`), so saving one
 * never overwrites another. Every save is checked with `validateProfile`: a profile with an error
 * is not saved, and the findings go back to the form.
 */
import type { AreaChanges, KeyValueArea } from '../platform/key-value-area.ts';
import { cloneProfile, getShippedProfile, validateProfile, type Profile, type ProfileFinding } from '../rules/deadlines/profiles/index.ts';

const PREFIX = 'profile/';

/** True when a storage change touches the member's own profiles. */
export function touchesOwnProfiles(changes: AreaChanges): boolean {
  return Object.keys(changes).some((key) => key.startsWith(PREFIX));
}

/** The member's own profiles, by name. Stored values that are not profiles at all are skipped. */
export async function listOwnProfiles(area: KeyValueArea): Promise<Profile[]> {
  const all = await area.get(null);
  return Object.entries(all)
    .filter(([key, value]) => key.startsWith(PREFIX) && looksLikeProfile(value) && key === PREFIX + value.id)
    .map(([, value]) => value as Profile)
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id));
}

/**
 * Saves `profile` unless it has an error finding, or its id is a shipped profile's (a copy never
 * replaces the original). Returns every finding; nothing is saved when any is an error.
 */
export async function saveOwnProfile(area: KeyValueArea, profile: Profile): Promise<ProfileFinding[]> {
  const findings = validateProfile(profile);
  if (typeof profile?.id === 'string' && getShippedProfile(profile.id)) {
    findings.push({ path: 'id', message: 'A shipped profile cannot be changed: make a copy and change that.', severity: 'error' });
  }
  if (findings.some((f) => f.severity === 'error')) return findings;
  await area.set({ [PREFIX + profile.id]: structuredClone(profile) });
  return findings;
}

/**
 * The member's own profile with this id, for a plan about to use it (the plan carries a copy:
 * lib/plan/plan-profile-copy.ts); `undefined` for a shipped profile's id or one not on this device.
 */
export async function findOwnProfile(area: KeyValueArea, id: string): Promise<Profile | undefined> {
  if (getShippedProfile(id)) return undefined;
  const value = (await area.get([PREFIX + id]))[PREFIX + id];
  return looksLikeProfile(value) && value.id === id ? value : undefined;
}

/**
 * Removes one of the member's own profiles. Plans that carry a copy of it keep counting with that
 * copy; plans made before plans carried their profile count with the default until another is chosen.
 */
export async function removeOwnProfile(area: KeyValueArea, id: string): Promise<void> {
  await area.remove([PREFIX + id]);
}

/**
 * A copy of `base` named `name`, with a fresh id (`<base id>-own-<8 hex digits>`): random, so two
 * members' copies of one profile never share an id and count a shared plan differently unawares.
 */
export function copyProfile(base: Profile, name: string, random: Crypto = globalThis.crypto): Profile {
  const suffix = Array.from(random.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('');
  const baseId = base.id.replace(/-own-[0-9a-f]{8}$/, '');
  return cloneProfile(base, `${baseId}-own-${suffix}`, name);
}

/** What is wrong with the name typed for a new copy, or null. */
export function checkCopyName(name: string, existing: readonly Profile[]): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter a name for your copy, for example the name of your safeguarding partnership.';
  if (existing.some((p) => p.name.trim().toLowerCase() === trimmed.toLowerCase())) {
    return `There is already a profile called “${trimmed}”. Choose another name.`;
  }
  return null;
}

function looksLikeProfile(value: unknown): value is Profile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.name === 'string' && Array.isArray(v.rules);
}
