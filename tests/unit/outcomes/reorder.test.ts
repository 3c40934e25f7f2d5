import { describe, expect, it } from 'vitest';
import { describePosition, dropIndex, fullListIndex, stepIndex } from '../../../lib/outcomes/reorder.ts';

// Full list a b c d e; the group is b d e (say, one domain's outcomes), interleaved with a and c.
const FULL = ['a', 'b', 'c', 'd', 'e'];
const GROUP = ['b', 'd', 'e'];

describe('fullListIndex', () => {
  it.each([
    // [id, group position, index among the others of the full list]
    ['e', 0, 1], // e before b: others a b c d, b is at 1
    ['e', 1, 3], // e before d: others a b c d, d is at 3
    ['b', 2, 4], // b after e: others a c d e, after e is 4
    ['b', 1, 3], // b after d (before e): others a c d e, e is at 3
    ['d', 0, 1], // d before b: others a b c e
  ])('places %s at group position %i by full index %i', (id, to, expected) => {
    expect(fullListIndex(FULL, GROUP, id, to)).toBe(expected);
  });

  it('clamps positions outside the group', () => {
    expect(fullListIndex(FULL, GROUP, 'b', 99)).toBe(4);
    expect(fullListIndex(FULL, GROUP, 'e', -3)).toBe(1);
  });

  it('keeps an item where it is when its group has nobody else', () => {
    expect(fullListIndex(FULL, ['c'], 'c', 0)).toBe(2);
  });

  it('reorders a group that is the whole list like a plain array move', () => {
    expect(fullListIndex(['x', 'y', 'z'], ['x', 'y', 'z'], 'x', 2)).toBe(2);
    expect(fullListIndex(['x', 'y', 'z'], ['x', 'y', 'z'], 'z', 0)).toBe(0);
  });
});

describe('stepIndex', () => {
  it('moves one place up or down within the group', () => {
    expect(stepIndex(GROUP, 'd', -1)).toBe(0);
    expect(stepIndex(GROUP, 'd', 1)).toBe(2);
  });

  it('gives undefined at either end, or for an item not in the group', () => {
    expect(stepIndex(GROUP, 'b', -1)).toBeUndefined();
    expect(stepIndex(GROUP, 'e', 1)).toBeUndefined();
    expect(stepIndex(GROUP, 'a', 1)).toBeUndefined();
  });
});

describe('dropIndex', () => {
  it.each([
    // [from, over, after, result] in a list of four
    [0, 2, false, 1], // dragged down onto the top half of the third: lands second (just above it)
    [0, 2, true, 2], // lower half of the third: lands third
    [3, 0, false, 0], // dragged up onto the top half of the first: lands first
    [3, 0, true, 1],
    [1, 1, false, 1], // dropped on itself: stays
    [1, 1, true, 1],
  ])('from %i onto %i (after: %s) lands at %i', (from, over, after, expected) => {
    expect(dropIndex(from, over, after)).toBe(expected);
  });
});

describe('describePosition', () => {
  it('counts from one', () => {
    expect(describePosition(0, 3)).toBe('position 1 of 3');
  });
});
