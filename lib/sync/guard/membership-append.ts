/**
 * The membership log (root `membership`, lib/membership) is append-only: every copy folds its
 * entries in document order, so deleting an entry (say, the removal of a member) or putting a new
 * one in front of the others (a genesis of one's own) would change who is a member. An update is
 * refused when it
 * - deletes any item of the `membership` array (honest copies never delete one), or
 * - inserts into it with no left neighbour (left origin null) while this copy's array is not empty:
 *   an honest copy appends after the last entry it has.
 * Read from the decoded update and the store only; the guard has held back anything that refers
 * to items this copy lacks, so every origin and deleted item is found.
 */
import * as Y from 'yjs';
import { ROOT } from '../../plan/index.ts';
import { visitLiveInRanges, type Range, type Ranges } from './delete-set.ts';
import type { DecodedUpdate } from './well-formed.ts';

export function tampersWithMembership(doc: Y.Doc, decoded: DecodedUpdate, ranges: Ranges): boolean {
  const root = doc.share.get(ROOT.membership);
  // Deletions of entries this copy holds.
  if (root !== undefined && visitLiveInRanges(doc, ranges, (item) => item.parent === root && item.parentSub === null)) return true;
  const nonEmpty = root !== undefined && root._length > 0;
  const inLog = parentFinder(doc, decoded, root);
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item) || struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue;
    if (!inLog(struct)) continue;
    // Deleted on arrival, or put in front of the log.
    if (struct.content instanceof Y.ContentDeleted || overlaps(ranges.get(struct.id.client), struct.id.clock, struct.length)) return true;
    if (struct.origin === null && nonEmpty) return true;
  }
  return false;
}

function overlaps(list: readonly Range[] | undefined, clock: number, length: number): boolean {
  return (list ?? []).some((r) => r.clock < clock + length && clock < r.clock + r.len);
}

/**
 * Whether an item of the update lands directly in the membership array, found as Yjs finds its
 * parent: the parent written in it, else its left origin's, else its right origin's, through the
 * update's own items (memoised: a catch-up's text is one long chain) down to a stored item.
 */
function parentFinder(doc: Y.Doc, decoded: DecodedUpdate, root: ReturnType<Y.Doc['share']['get']>): (item: Y.Item) => boolean {
  const byClient = new Map<number, Y.Item[]>();
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  const inUpdate = (id: Y.ID): Y.Item | null => {
    const list = byClient.get(id.client);
    if (!list || id.clock < list[0]!.id.clock) return null;
    try {
      const found = list[Y.findIndexSS(list, id.clock)];
      return found && found.id.clock <= id.clock && id.clock < found.id.clock + found.length ? found : null;
    } catch {
      return null;
    }
  };
  const memo = new Map<Y.Item, boolean>();
  return (start) => {
    const path: Y.Item[] = [];
    let item: Y.Item | null = start;
    let result = false;
    while (item) {
      const known = memo.get(item);
      if (known !== undefined) {
        result = known;
        break;
      }
      path.push(item);
      const parent = item.parent as unknown; // as decoded: a root's name, a parent item's ID, or null
      if (item.parentSub !== null) break;
      if (typeof parent === 'string') {
        result = parent === ROOT.membership;
        break;
      }
      if (parent !== null) break;
      const id = item.origin ?? item.rightOrigin;
      if (!id) break;
      const next = inUpdate(id);
      if (!next) {
        const stored = id.clock < Y.getState(doc.store, id.client) ? Y.getItem(doc.store, id) : null;
        result = stored instanceof Y.Item && root !== undefined && stored.parent === root && stored.parentSub === null;
        break;
      }
      if (path.length > decoded.structs.length) break; // a cycle of origins: not a place in the log
      item = next;
    }
    for (const seen of path) memo.set(seen, result);
    return result;
  };
}
