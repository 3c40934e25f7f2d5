/** The core group's members and everyone's contact arrangements. */
import type * as Y from 'yjs';
import { defineRecord } from '../record-spec.ts';
import { planRoots } from '../roots.ts';
import { COMMAND_ORIGIN } from '../origin.ts';

/** A core group member (seed 002): the chair, deputy and minute-taker rota are flags. */
export const Member = defineRecord('member', {
  name: 'string',
  agency: 'string',
  role: 'string',
  contact: 'string',
  chair: 'boolean',
  deputy: 'boolean',
  minuteTaker: 'boolean',
}, {
  label: 'Core group member',
  section: 'core-group',
  elementPrefix: 'm',
  addElementId: 'new-member-name',
  fieldLabels: { name: 'Name', agency: 'Agency', role: 'Role', contact: 'Contact details', minuteTaker: 'Takes the minutes in turn' },
  fieldIds: { minuteTaker: 'minutes' },
});

/** How often someone sees the child or family. */
export const ContactArrangement = defineRecord('contact', {
  who: 'string',
  withWhom: 'string',
  frequency: 'string',
  seenAlone: 'boolean',
  notes: 'string',
}, { label: 'Contact arrangement', section: 'contingency', elementPrefix: 'contact' });

export type MemberValue = ReturnType<typeof Member.read>;

/** The roles a core group holds one of: a chair and a deputy chair (Wirral standard 7.1). */
export const GROUP_ROLES = ['chair', 'deputy'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/**
 * Gives `role` to the member `id` and takes it from everyone else, in one transaction; `id` ''
 * leaves nobody in the role. Two members choosing different chairs at once can still leave two
 * chairs after sync: checkGroupRoles reports that so the group can agree on one.
 */
export function setGroupRole(doc: Y.Doc, args: { role: GroupRole; id: string }): void {
  if (!GROUP_ROLES.includes(args.role)) throw new RangeError(`setGroupRole: unknown role "${args.role}"`);
  const list = planRoots(doc).members;
  doc.transact(() => {
    for (const member of Member.readAll(list)) {
      const holds = member.id === args.id;
      if (member[args.role] !== holds) Member.set(doc, list, member.id, args.role, holds);
    }
  }, COMMAND_ORIGIN);
}

export interface GroupRoleNotice {
  kind: 'no-chair' | 'no-deputy' | 'several-chairs' | 'several-deputies' | 'chair-is-deputy';
  message: string;
}

const names = (members: MemberValue[]) => members.map((m) => m.name.trim() || 'an unnamed member').join(' and ');

/**
 * Gentle reminders about the chair and deputy for the live `members` (seed 003, Wirral 7.1: core
 * groups are chaired by the team manager or lead social worker, and elect a deputy chair). No
 * notices for a group with no members yet: there is nobody to choose.
 */
export function checkGroupRoles(members: MemberValue[]): GroupRoleNotice[] {
  if (members.length === 0) return [];
  const chairs = members.filter((m) => m.chair);
  const deputies = members.filter((m) => m.deputy);
  const notices: GroupRoleNotice[] = [];
  if (chairs.length === 0) {
    notices.push({ kind: 'no-chair', message: 'No chair is set. The core group is chaired by the team manager or the lead social worker.' });
  } else if (chairs.length > 1) {
    notices.push({ kind: 'several-chairs', message: `${names(chairs)} are both marked as chair. Agree on one chair.` });
  }
  if (deputies.length === 0) {
    notices.push({ kind: 'no-deputy', message: 'No deputy chair is set. The core group should elect a deputy chair.' });
  } else if (deputies.length > 1) {
    notices.push({ kind: 'several-deputies', message: `${names(deputies)} are both marked as deputy chair. Agree on one deputy.` });
  }
  const both = chairs.filter((m) => m.deputy);
  if (both.length > 0) {
    notices.push({ kind: 'chair-is-deputy', message: `${names(both)} is both chair and deputy chair. The deputy should be someone else.` });
  }
  return notices;
}

/** Whether someone with this name and agency is already a live member (case and spacing ignored). */
export function isAlreadyMember(members: MemberValue[], who: { name: string; agency: string }): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return members.some((m) => norm(m.name) === norm(who.name) && norm(m.agency) === norm(who.agency));
}
