/** Where the member is in the app, kept in the URL's hash so "open in a tab" and reloads land in the same place. */

export type Route =
  | { view: 'library' }
  | { view: 'new-plan' }
  | { view: 'settings'; part?: SettingsPart }
  | { view: 'join'; secret: string }
  /** A request to join this device made, waiting for an answer (named by its invitation's hash). */
  | { view: 'joining'; tokenHash: string }
  | { view: 'plan'; planId: string; section: string }
  | { view: 'print'; planId: string; kind: PrintKind; reportId?: string };

/** A part of the settings page a link can go straight to (Share's "Add your name", "Add a server"). */
export type SettingsPart = 'identity' | 'network';
const SETTINGS_PARTS: readonly string[] = ['identity', 'network'];

/**
 * The sections of a plan, in the order the plan reads: the route's section ids, named here once.
 * components/sections/registry.ts gives each its title and component.
 */
export const SECTION_IDS = [
  'family',
  'due',
  'meeting',
  'framework',
  'outcomes',
  'contingency',
  'core-group',
  'meetings',
  'reports',
  'chronology',
  'history',
  'print',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** True for a section id the plan has. */
export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}

/** The section a route's section id shows: the first section when it is empty or unknown. */
export function sectionId(value: string): SectionId {
  return isSectionId(value) ? value : SECTION_IDS[0];
}

/** The printable versions of a plan: for the family, for professionals, and one agency report. */
export type PrintKind = 'family' | 'professional' | 'report';
const PRINT_KINDS: readonly string[] = ['family', 'professional', 'report'];
const ID = /^[0-9a-f]{32}$/;

/** Parses `#/plan/<id>/<section>` and friends; anything unknown is the library. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'new') return { view: 'new-plan' };
  if (parts[0] === 'settings') return SETTINGS_PARTS.includes(parts[1] ?? '') ? { view: 'settings', part: parts[1] as SettingsPart } : { view: 'settings' };
  if (parts[0] === 'join') return { view: 'join', secret: parts[1] ?? '' };
  if (parts[0] === 'joining' && parts[1] && /^[0-9a-f]{64}$/.test(parts[1])) return { view: 'joining', tokenHash: parts[1] };
  if (parts[0] === 'plan' && parts[1] && ID.test(parts[1])) {
    return { view: 'plan', planId: parts[1], section: parts[2] ?? '' };
  }
  if (parts[0] === 'print' && parts[1] && ID.test(parts[1]) && PRINT_KINDS.includes(parts[2] ?? '')) {
    const kind = parts[2] as PrintKind;
    if (kind !== 'report') return { view: 'print', planId: parts[1], kind };
    if (parts[3] && ID.test(parts[3])) return { view: 'print', planId: parts[1], kind, reportId: parts[3] };
  }
  return { view: 'library' };
}

/** The hash for a route (the inverse of parseRoute). */
export function routeHash(route: Route): string {
  switch (route.view) {
    case 'library':
      return '#/';
    case 'new-plan':
      return '#/new';
    case 'settings':
      return route.part ? `#/settings/${route.part}` : '#/settings';
    case 'join':
      return route.secret ? `#/join/${route.secret}` : '#/join';
    case 'joining':
      return `#/joining/${route.tokenHash}`;
    case 'plan':
      return `#/plan/${route.planId}${route.section ? `/${encodeURIComponent(route.section)}` : ''}`;
    case 'print':
      return `#/print/${route.planId}/${route.kind}${route.kind === 'report' && route.reportId ? `/${route.reportId}` : ''}`;
  }
}

/** The link to a plan, opened at `section` (the first section when none is given). */
export function planHref(planId: string, section?: SectionId): string {
  return routeHash({ view: 'plan', planId, section: section ?? '' });
}
