/**
 * Who changed the plan between two moments, by the names the members declared (authors.ts).
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

const HISTORY_ROOTS = new Set<string>([ROOT.authors, ROOT.versions]);

export interface ChangedBy {
  /** The declared members whose copies changed the plan, each once, by name. */
  authors: DeclaredAuthor[];
  /** How many copies changed it without a declared name. */
  undeclared: number;
}

/**
 * The clientIDs that added to the plan in `after` since the state vector `before`, and before the
 * state vector `until` when given (a later version, read from the plan as it is now).
 */
export function clientsWhoEdited(after: Y.Doc, before: ReadonlyMap<number, number>, until?: ReadonlyMap<number, number>): number[] {
  const clients: number[] = [];
  for (const [client, structs] of after.store.clients) {
    const from = before.get(client) ?? 0;
    const last = structs[structs.length - 1]!;
    const to = until ? (until.get(client) ?? 0) : last.id.clock + last.length;
    if (to <= from) continue;
    // Structs are in clock order: look back from the one holding clock `to - 1` until one ends before `from`.
    const newest = to >= last.id.clock + last.length ? structs.length - 1 : Y.findIndexSS(structs, to - 1);
    for (let i = newest; i >= 0; i--) {
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

/** Who changed the plan in `after` since `before` (and before `until`), named from `after`'s authors map. */
export function whoChanged(after: Y.Doc, before: ReadonlyMap<number, number>, until?: ReadonlyMap<number, number>): ChangedBy {
  const declared = readAuthors(after);
  const authors = new Map<string, DeclaredAuthor>();
  let undeclared = 0;
  for (const client of clientsWhoEdited(after, before, until)) {
    const author = declared.get(client);
    if (!author) undeclared++;
    else authors.set(`${author.name}\u0000${author.agency}`, author);
  }
  return { authors: [...authors.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')), undeclared };
}

function rootName(item: Y.Item): string {
  let type = item.parent;
  while (type instanceof Y.AbstractType && type._item) type = type._item.parent;
  return type instanceof Y.AbstractType ? Y.findRootTypeKey(type) : '';
}
