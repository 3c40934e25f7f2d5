/**
 * Who owns an action. An action refers to its owner by member id; a member may be removed (a
 * tombstone) while an action still points to them, on this machine or concurrently on a peer, so
 * the directory keeps removed members readable: the plan shows "former member: name", never a
 * bare id or a blank.
 */
import type * as Y from 'yjs';
import { findRecord } from '../plan/records.ts';
import { Member, type MemberValue } from '../plan/records/core-group.ts';
import { Action } from '../plan/records/outcomes.ts';
import { COMMAND_ORIGIN } from '../plan/origin.ts';

export interface OwnerView {
  id: string;
  name: string;
  agency: string;
  /** The member has been removed from the core group. */
  former: boolean;
}

export interface MemberDirectory {
  /** The current members, in display order: the people an action can be given to. */
  live: MemberValue[];
  /** Every member ever added, removed ones included, by id. */
  byId: ReadonlyMap<string, OwnerView>;
}

/** Reads the core group's members for choosing and showing action owners. */
export function readMemberDirectory(members: Y.Array<Y.Map<unknown>>): MemberDirectory {
  const byId = new Map<string, OwnerView>();
  for (const map of members) {
    const m = Member.read(map);
    byId.set(m.id, { id: m.id, name: m.name, agency: m.agency, former: map.get('deleted') === true });
  }
  return { live: Member.readAll(members), byId };
}

/**
 * The owner of an action: undefined when none is chosen; `former` when the member was removed; a
 * placeholder named "a member not yet synced" when the id is unknown here (the member was added on
 * a peer whose edit has not arrived yet).
 */
export function describeOwner(directory: MemberDirectory, ownerId: string): OwnerView | undefined {
  if (ownerId === '') return undefined;
  return directory.byId.get(ownerId) ?? { id: ownerId, name: 'a member not yet synced', agency: '', former: false };
}

/** "Name (Agency)" as shown in owner lists; a member with no name yet reads "Unnamed member". */
export function memberLabel(member: { name: string; agency: string }): string {
  const name = member.name.trim() || 'Unnamed member';
  return member.agency.trim() ? `${name} (${member.agency.trim()})` : name;
}

/**
 * The action's agency after its owner changes: it follows the new owner's agency unless someone
 * typed a different agency on purpose (it is neither empty nor the previous owner's agency).
 */
export function agencyAfterOwnerChange(current: string, previousOwnerAgency: string, newOwnerAgency: string): string {
  return current.trim() === '' || current === previousOwnerAgency ? newOwnerAgency : current;
}

/**
 * Gives an action to a member and, in the same transaction, brings its agency along (see
 * agencyAfterOwnerChange). `ownerId` '' clears the owner and leaves the agency as it is.
 */
export function setActionOwner(
  doc: Y.Doc,
  args: { actions: Y.Array<Y.Map<unknown>>; actionId: string; ownerId: string; members: Y.Array<Y.Map<unknown>> },
): void {
  const action = findRecord(args.actions, args.actionId);
  if (!action) return;
  const agencyOf = (id: unknown) => {
    const member = typeof id === 'string' && id !== '' ? findRecord(args.members, id) : undefined;
    return member ? Member.read(member).agency : '';
  };
  const current = typeof action.get('agency') === 'string' ? (action.get('agency') as string) : '';
  const previous = agencyOf(action.get('ownerId'));
  doc.transact(() => {
    Action.set(doc, args.actions, args.actionId, 'ownerId', args.ownerId);
    if (args.ownerId !== '') {
      Action.set(doc, args.actions, args.actionId, 'agency', agencyAfterOwnerChange(current, previous, agencyOf(args.ownerId)));
    }
  }, COMMAND_ORIGIN);
}
