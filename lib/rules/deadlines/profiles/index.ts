/** Timescale profiles: the types, the shipped profiles, validation and cloning. */
export { ANCHORS, NATURES, TIMESCALE_IDS, UNITS } from './types.ts';
export type { Anchor, Nature, Profile, Rule, Span, TimescaleId, Unit } from './types.ts';
export { DEFAULT_PROFILE_ID, SHIPPED_PROFILES, getShippedProfile } from './shipped-profiles.ts';
export { validateProfile, validateRule, type ProfileFinding } from './validate-profile.ts';
export { cloneProfile } from './clone-profile.ts';
