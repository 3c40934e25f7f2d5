import { describe, expect, it } from 'vitest';
import { agenciesOf, filterByAgency, sortChronology, type ChronologyItem } from '../../../lib/chronology/chronology-order.ts';

const entry = (id: string, date: string, order: number, agency = 'Health'): ChronologyItem => ({ id, date, order, agency });
const ids = (entries: readonly { id: string }[]) => entries.map((e) => e.id);

describe('sortChronology', () => {
  it.each([
    ['oldest date first', [entry('b', '2026-03-02', 1), entry('a', '2026-01-15', 2)], ['a', 'b']],
    ['same day: the order they were added in', [entry('late', '2026-01-15', 5), entry('early', '2026-01-15', 2)], ['early', 'late']],
    ['same day and order (added at once on two peers): by id', [entry('y', '2026-01-15', 3), entry('x', '2026-01-15', 3)], ['x', 'y']],
    ['a missing date goes last', [entry('none', '', 1), entry('dated', '2026-06-01', 2)], ['dated', 'none']],
    // 2026 is not a leap year: 29 February 2026 does not exist, so the entry is treated as undated.
    ['a date that does not exist goes last', [entry('bad', '2026-02-29', 1), entry('good', '2027-01-01', 2)], ['good', 'bad']],
    ['years compare before months', [entry('2027', '2027-01-01', 1), entry('2026', '2026-12-31', 2)], ['2026', '2027']],
  ])('%s', (_name, entries, expected) => {
    expect(ids(sortChronology(entries))).toEqual(expected);
  });

  it('returns a new array and leaves its input alone', () => {
    const input = [entry('b', '2026-02-01', 1), entry('a', '2026-01-01', 2)];
    const sorted = sortChronology(input);
    expect(ids(input)).toEqual(['b', 'a']);
    expect(sorted).not.toBe(input);
  });

  it('gives the same order whatever order the entries arrive in', () => {
    const entries = [entry('a', '2026-01-01', 1), entry('b', '2026-01-01', 1), entry('c', '', 2), entry('d', '2025-12-01', 3)];
    expect(ids(sortChronology([...entries].reverse()))).toEqual(ids(sortChronology(entries)));
  });
});

describe('agenciesOf', () => {
  it.each([
    ['each agency once, alphabetically', ['Police', 'Health', 'Police'], ['Health', 'Police']],
    ['ignores case and spaces, keeping the first spelling', ['Health ', 'health', 'HEALTH'], ['Health']],
    ['leaves out entries with no agency', ['', '  ', 'School'], ['School']],
    ['nothing for no entries', [], []],
  ])('%s', (_name, agencies, expected) => {
    expect(agenciesOf(agencies.map((agency) => ({ agency })))).toEqual(expected);
  });
});

describe('filterByAgency', () => {
  const entries = [entry('1', '2026-01-01', 1, 'Health'), entry('2', '2026-01-02', 2, 'Police'), entry('3', '2026-01-03', 3, ' health ')];

  it.each([
    ['every entry for no agency', '', ['1', '2', '3']],
    ['only that agency, whatever the case or spacing', 'Health', ['1', '3']],
    ['only that agency', 'Police', ['2']],
    ['none for an agency with no entries', 'Education', []],
  ])('%s', (_name, agency, expected) => {
    expect(ids(filterByAgency(entries, agency))).toEqual(expected);
  });
});
