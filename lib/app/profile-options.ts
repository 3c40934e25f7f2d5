/**
 * The timescale profiles a plan can follow, as choices for a form: every shipped profile (national
 * first), then the member's own copies, marked as theirs.
 */
import { SHIPPED_PROFILES, type Profile } from '../rules/deadlines/profiles/index.ts';

export interface ProfileOption {
  id: string;
  name: string;
}

/** The choices, shipped profiles first, then `own` (the member's copies, in the order given). */
export function profileOptions(own: readonly Profile[] = []): ProfileOption[] {
  return [
    ...SHIPPED_PROFILES.map((p) => ({ id: p.id, name: p.name })),
    ...own.map((p) => ({ id: p.id, name: `${p.name} (your copy)` })),
  ];
}
