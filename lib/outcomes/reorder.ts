/**
 * Index maths for reordering a record within a group of a list: outcomes within their domain (the
 * group is a subset of the whole outcome list) and actions within their outcome (the group is the
 * whole list). Record.move takes a position among the *other* live records of the whole list, so
 * a position inside a group is translated here. Pure: ids in, numbers out.
 */

/**
 * The position to pass to Record.move so that `id` lands at `toGroupIndex` (0-based, counted
 * without `id`) within its group. `fullIds` is every live id of the list in display order and
 * `groupIds` the group's ids in the same order. A group with no other member keeps `id` where it is.
 */
export function fullListIndex(fullIds: readonly string[], groupIds: readonly string[], id: string, toGroupIndex: number): number {
  const others = fullIds.filter((x) => x !== id);
  const groupOthers = groupIds.filter((x) => x !== id);
  if (groupOthers.length === 0) return Math.max(0, fullIds.indexOf(id));
  const k = Math.max(0, Math.min(toGroupIndex, groupOthers.length));
  if (k < groupOthers.length) return others.indexOf(groupOthers[k]!);
  return others.indexOf(groupOthers[groupOthers.length - 1]!) + 1;
}

/**
 * The new position (0-based) of `id` in `groupIds` after one step up (`-1`) or down (`+1`), or
 * undefined when it is already first or last (or not in the group).
 */
export function stepIndex(groupIds: readonly string[], id: string, delta: -1 | 1): number | undefined {
  const from = groupIds.indexOf(id);
  if (from < 0) return undefined;
  const to = from + delta;
  return to < 0 || to >= groupIds.length ? undefined : to;
}

/**
 * Where a dragged item lands: dropped on the item at `overIndex`, in its upper half
 * (`placeAfter` false) or lower half (true). Returns the position counted without the dragged
 * item, as `fullListIndex` and Record.move expect. Dropping an item on itself keeps it in place.
 */
export function dropIndex(fromIndex: number, overIndex: number, placeAfter: boolean): number {
  const slot = overIndex + (placeAfter ? 1 : 0);
  return fromIndex < slot ? slot - 1 : slot;
}

/** "position 2 of 3", for announcing where an item went. */
export function describePosition(index: number, count: number): string {
  return `position ${index + 1} of ${count}`;
}
