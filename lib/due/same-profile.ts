/**
 * Whether two profiles say the same thing: the plan's copy against the member's own profile of the
 * same id, to offer the update only when there is one. Compared as JSON keeps them (fields that are
 * `undefined` count as absent) with object keys in any order: a copy stored in a plan and the
 * profile saved on the device are written by different code, so their key order may differ.
 */
import type { Profile } from '../rules/deadlines/profiles/index.ts';

export function sameProfile(a: Profile, b: Profile): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}
