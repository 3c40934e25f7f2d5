import { describe, expect, it } from 'vitest';
import { withDateProblems } from '../../../lib/dates/date-problems.ts';

const ORDER = ['name', 'date', 'place'];

describe('withDateProblems', () => {
  it('puts the boxes’ message in place of the check’s for the same field', () => {
    expect(withDateProblems([{ field: 'date', message: 'Enter the date.' }], { date: 'Date must include a month' }, ORDER)).toEqual([
      { field: 'date', message: 'Date must include a month' },
    ]);
  });

  it('adds the boxes’ message when the check found the field fine (it saw the last real date)', () => {
    expect(withDateProblems([{ field: 'place', message: 'Enter the place.' }], { date: 'Date must be a real date' }, ORDER)).toEqual([
      { field: 'date', message: 'Date must be a real date' },
      { field: 'place', message: 'Enter the place.' },
    ]);
  });

  it('keeps the check’s problems when the boxes are fine', () => {
    const problems = [
      { field: 'name', message: 'Enter the name.' },
      { field: 'date', message: 'The date is in the future.' },
    ];
    expect(withDateProblems(problems, { date: '' }, ORDER)).toEqual(problems);
    expect(withDateProblems(problems, {}, ORDER)).toEqual(problems);
  });

  it('orders the problems as the fields are on screen, unknown fields last in the order they came', () => {
    const problems = [
      { field: 'other', message: 'A.' },
      { field: 'place', message: 'B.' },
      { field: 'name', message: 'C.' },
      { field: 'more', message: 'D.' },
    ];
    expect(withDateProblems(problems, { date: 'Year must include 4 numbers' }, ORDER).map((p) => p.field)).toEqual(['name', 'date', 'place', 'other', 'more']);
  });

  it('reads nothing but what it is given, and returns a new list', () => {
    const problems = [{ field: 'name', message: 'Enter the name.' }];
    const result = withDateProblems(problems, { date: 'Date must include a day' }, ORDER);
    expect(problems).toEqual([{ field: 'name', message: 'Enter the name.' }]);
    expect(result).not.toBe(problems);
  });
});
