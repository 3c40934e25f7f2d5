import { describe, expect, it } from 'vitest';
import { sortMeetingsNewestFirst } from '../../../lib/meetings/meeting-order.ts';

const m = (id: string, date: string, order: number) => ({ id, date, order });
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);

describe('sortMeetingsNewestFirst', () => {
  it.each([
    ['newest date first', [m('old', '2026-01-10', 1), m('new', '2026-05-01', 2), m('mid', '2026-03-01', 3)], ['new', 'mid', 'old']],
    ['a booked meeting ahead of a held one', [m('held', '2026-11-01', 1), m('booked', '2027-02-01', 2)], ['booked', 'held']],
    ['same day: the one added later first', [m('first', '2026-01-10', 1), m('second', '2026-01-10', 2)], ['second', 'first']],
    ['same day and order: by id, the same on every peer', [m('a', '2026-01-10', 1), m('b', '2026-01-10', 1)], ['b', 'a']],
    ['no date last', [m('none', '', 5), m('dated', '2020-01-01', 1)], ['dated', 'none']],
    // 31 April does not exist.
    ['an impossible date last', [m('bad', '2026-04-31', 5), m('dated', '2020-01-01', 1)], ['dated', 'bad']],
  ])('%s', (_name, meetings, expected) => {
    expect(ids(sortMeetingsNewestFirst(meetings))).toEqual(expected);
  });

  it('leaves its input in place', () => {
    const input = [m('a', '2026-01-01', 1), m('b', '2026-02-01', 2)];
    sortMeetingsNewestFirst(input);
    expect(ids(input)).toEqual(['a', 'b']);
  });
});
