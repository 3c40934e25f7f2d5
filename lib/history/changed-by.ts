/**
 * Who changed the plan between two moments. Once the plan's membership is established
 * (lib/membership), by verified identity: a clientID a device claimed in the signed log (checked
 * with clientIdFor) → that device → its member's name and agency. Changes from clientIDs without a
 * verified claim (made before verification existed) are listed apart, by the name their copy
 * declared, marked not verified. A legacy plan (no membership) names the declared authors
 * (authors.ts), as before.
 *
 * Yjs numbers each copy's insertions with its clientID and a clock that only grows, so what a copy
 * added between two versions is the items with that clientID and a clock from the earlier state
 * vector on. Those items are found in the later document; items under the history's own roots
 * (versions, authors) are not edits to the plan and are left out, so saving a version or opening
 * the plan never counts as a change.
 *
 * Limits, inherent in Yjs: a deletion carries no clientID, so a member who only deleted text is
 * not named; and items whose container was itself deleted are garbage-collected without a record
 * of where they were, so they are not counted either.
 */
import * as Y from 'yjs';
import { ROOT } from '../plan/roots.ts';
import { readAuthors, type DeclaredAuthor } from '../plan/authors.ts';
import type { MembershipState } from '../membership/membership-state.ts';

/** Roots that are not the plan's content: saving a version, declaring a name or a membership entry is not a change. */
const HISTORY_ROOTS = new Set<string>([ROOT.authors, ROOT.versions, ROOT.membership]);

export interface ChangedBy {
  /**
   * The members whose copies changed the plan, each once, by name: verified members when
   * `verified`, else as declared.
   */
  authors: DeclaredAuthor[];
  /** How many copies changed it with neither a verified claim nor a declared name. */
  undeclared: number;
  /** Present when the plan's membership is established: `authors` are verified members. */
  verified?: true;
  /** With `verified`: names declared by copies whose changes carry no verified claim (before verification existed). */
  unverified?: DeclaredAuthor[];
}

/** The clientIDs that added to the plan in `after` since the state vector `before`. */
export function clientsWhoEdited(after: Y.Doc, before: ReadonlyMap<number, number>): number[] {
  const clients: number[] = [];
  for (const [client, structs] of after.store.clients) {
    const from = before.get(client) ?? 0;
    // Structs are in clock order: look back from the newest until one ends before `from`.
    for (let i = structs.length - 1; i >= 0; i--) {
      const struct = structs[i]!;
      if (struct.id.clock + struct.length <= from) break;
      if (struct instanceof Y.Item && !HISTORY_ROOTS.has(rootName(struct))) {
        clients.push(client);
        break;
      }
    }
  }
  return clients;
}

/**
 * Who changed the plan in `after` since `before`: named through `membership` (the plan's folded
 * log) when it is established, else from `after`'s authors map.
 */
export function whoChanged(after: Y.Doc, before: ReadonlyMap<number, number>, membership?: MembershipState | null): ChangedBy {
  const declared = readAuthors(after);
  const verifiedNames = membership?.kind === 'established' ? memberNames(membership) : null;
  const authors = new Map<string, DeclaredAuthor>();
  const unverified = new Map<string, DeclaredAuthor>();
  let undeclared = 0;
  for (const client of clientsWhoEdited(after, before)) {
    const member = verifiedNames?.get(client);
    const author = declared.get(client);
    if (member) authors.set(keyOf(member), member);
    else if (!author) undeclared++;
    else (verifiedNames ? unverified : authors).set(keyOf(author), author);
  }
  const changedBy: ChangedBy = { authors: byName(authors), undeclared };
  return verifiedNames ? { ...changedBy, verified: true, unverified: byName(unverified) } : changedBy;
}

/** Verified clientID → the name and agency of the member whose device claimed it. */
function memberNames(state: MembershipState): Map<number, DeclaredAuthor> {
  const names = new Map<number, DeclaredAuthor>();
  for (const [client, deviceId] of state.clients) {
    const memberId = state.devices.get(deviceId)?.memberId;
    const member = state.members.find((m) => m.memberId === memberId);
    if (member) names.set(client, { name: member.info.name, agency: member.info.agency });
  }
  return names;
}

const keyOf = (a: DeclaredAuthor) => `${a.name}\u0000${a.agency}`;
const byName = (m: Map<string, DeclaredAuthor>) => [...m.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));

function rootName(item: Y.Item): string {
  let type = item.parent;
  while (type instanceof Y.AbstractType && type._item) type = type._item.parent;
  return type instanceof Y.AbstractType ? Y.findRootTypeKey(type) : '';
}
