/**
 * A profile checked once for repeated use. `computeDeadlines` validates a plain profile on every
 * call; a caller computing many plans (the background badge, the bench) prepares the profile once
 * and passes the prepared one instead. Preparing copies and freezes the profile, so changing the
 * original afterwards cannot make the prepared one stale.
 */
import { deepFreeze } from './deep-freeze.ts';
import { basisFor } from './deadline-basis.ts';
import { describe } from '../../dates/iso-date.ts';
import type { Profile, Rule } from './profiles/types.ts';
import { validateRule } from './profiles/validate-profile.ts';
import type { EventKind } from './timeline.ts';

export class PreparedProfile {
  /** A frozen copy of the profile as given. */
  readonly profile: Profile;
  /** Its rules without a validation error, in profile order. */
  readonly rules: readonly Rule[];
  /** True when two usable rules share an id and a kind they count from, so keys could repeat. */
  readonly repeatsRules: boolean;
  readonly #basis = new Map<Rule, Map<EventKind, string>>();

  /** Use `prepareProfile`. `copy: false` is for one call that reads the profile and lets it go. */
  constructor(profile: Profile, copy = true) {
    this.profile = copy ? deepFreeze(structuredClone(profile)) : profile;
    this.rules = Object.freeze(
      this.profile.rules.filter((rule, i) => !validateRule(rule, `rules[${i}]`).some((f) => f.severity === 'error')),
    );
    const starts = this.rules.flatMap((rule) => rule.from.map((kind) => `${rule.id} ${kind}`));
    this.repeatsRules = new Set(starts).size !== starts.length;
  }

  /** The basis sentence of `rule` counted from an event of `anchorKind` (computed once, then reused). */
  basis(rule: Rule, anchorKind: EventKind): string {
    let byKind = this.#basis.get(rule);
    if (!byKind) this.#basis.set(rule, (byKind = new Map()));
    let sentence = byKind.get(anchorKind);
    if (sentence === undefined) byKind.set(anchorKind, (sentence = basisFor(this.profile, rule, anchorKind)));
    return sentence;
  }
}

/**
 * Checks `profile` and keeps its usable rules (rules with validation errors are skipped;
 * `validateProfile` reports them). A value that is not a profile at all, or a `dayZero` the
 * engine cannot count with, is a programmer error: `RangeError`.
 */
export function prepareProfile(profile: Profile | PreparedProfile): PreparedProfile {
  return prepare(profile, true);
}

/**
 * `prepareProfile` for the length of one call: the engine's own use when given a plain profile,
 * which it reads within the call and does not keep, so no copy is needed.
 */
export function prepareForCall(profile: Profile | PreparedProfile): PreparedProfile {
  return prepare(profile, false);
}

function prepare(profile: Profile | PreparedProfile, copy: boolean): PreparedProfile {
  if (profile instanceof PreparedProfile) return profile;
  if (typeof profile !== 'object' || profile === null || !Array.isArray(profile.rules)) {
    throw new RangeError('profile must be a profile object with a rules list (check it with validateProfile)');
  }
  if (profile.dayZero !== 'event' && profile.dayZero !== 'nextDay') {
    throw new RangeError(`profile.dayZero must be "event" or "nextDay", got ${describe(profile.dayZero)}`);
  }
  return new PreparedProfile(profile, copy);
}
