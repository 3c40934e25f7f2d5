/**
 * The timescale profile a plan carries. A shipped profile ships with the extension and the plan
 * names it by id alone (`meta.profileId`). A member's own profile (a cloned and edited copy) lives
 * in one device's storage, so a plan that uses one carries its definition too: every member of the
 * core group then counts the same due dates, whatever is on their device.
 *
 * Where: `meta`, under `profile:<id>`, as ONE plain JSON value (a Yjs `ContentAny`), never as
 * nested Y types. Replacing it is one map write, so two members replacing it at once converge on
 * one whole profile (the one Yjs orders last), never a mix of two. Keyed by id, so when two members
 * switch the plan to different profiles at once both copies arrive, and whichever `profileId` wins
 * finds its own copy beside it. Keeping it in `meta` means every view that already observes the
 * plan's profile id sees its copy change too.
 *
 * What is stored passes `validateProfile` with no error, as a member's own profile must to be
 * saved; what is read is checked again by the reader (lib/due/plan-profile.ts), because a
 * peer's document is not trusted.
 */
import type * as Y from 'yjs';
import { getShippedProfile, validateProfile, type Profile } from '../rules/deadlines/profiles/index.ts';
import { planRoots } from './roots.ts';
import { COMMAND_ORIGIN } from './origin.ts';

/** The prefix of the `meta` keys holding profile copies: `profile:<profile id>`. */
export const PROFILE_COPY_PREFIX = 'profile:';

/**
 * The plan's stored copy of the profile `id`, exactly as stored (unchecked: any peer may have
 * written it), or `undefined`. The value is the document's own: read it, never change it.
 */
export function readPlanProfileCopy(doc: Y.Doc, id: string): unknown {
  if (id === '') return undefined;
  return planRoots(doc).meta.get(PROFILE_COPY_PREFIX + id);
}

/**
 * Replaces the plan's copy of the profile it uses with `profile`: "Use my updated profile for this
 * plan" after the member changed its figures, or "Share this plan's timescales with the core group"
 * for a plan made before plans carried their profile. The plan must already name `profile.id`; to
 * switch to another profile, use `setPlanRules`. A profile with a validation error, a shipped
 * profile, or another id than the plan's is a programming error: `RangeError`.
 */
export function storePlanProfile(doc: Y.Doc, args: { profile: Profile }): void {
  const value = profileCopyValue(args.profile, 'storePlanProfile');
  const meta = planRoots(doc).meta;
  if (meta.get('profileId') !== value.id) {
    throw new RangeError(`storePlanProfile: the plan uses "${String(meta.get('profileId'))}", not "${value.id}"`);
  }
  doc.transact(() => meta.set(PROFILE_COPY_PREFIX + value.id, value), COMMAND_ORIGIN);
}

/**
 * For commands that set the plan's profile: `profile` checked and made plain JSON, ready to store.
 * Throws `RangeError` (naming `command`) for a profile with an error finding or a shipped id.
 */
export function profileCopyValue(profile: Profile, command: string): Profile {
  const error = validateProfile(profile).find((f) => f.severity === 'error');
  if (error) throw new RangeError(`${command}: the profile is not valid (${error.path || 'profile'}: ${error.message})`);
  if (getShippedProfile(profile.id)) {
    throw new RangeError(`${command}: "${profile.id}" is a shipped profile, which a plan names by id only`);
  }
  // A JSON round trip leaves only what JSON keeps (no undefined fields, no shared references).
  return JSON.parse(JSON.stringify(profile)) as Profile;
}

/**
 * Within a command's transaction: stores `copy` (when given) and removes every other profile copy
 * this peer can see, so a plan carries only the profile it names. A copy a colleague stores at the
 * same moment is a new write that this removal cannot reach, so it is never lost.
 */
export function keepOnlyProfileCopy(meta: Y.Map<unknown>, profileId: string, copy?: Profile): void {
  for (const key of Array.from(meta.keys())) {
    if (key.startsWith(PROFILE_COPY_PREFIX) && key !== PROFILE_COPY_PREFIX + profileId) meta.delete(key);
  }
  if (copy) meta.set(PROFILE_COPY_PREFIX + copy.id, copy);
}
