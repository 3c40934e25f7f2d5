import { describe, expect, it } from 'vitest';
import { readDateParts, splitIsoDate } from '../../../lib/dates/date-parts.ts';

const parts = (day: string, month: string, year: string) => ({ day, month, year });

describe('readDateParts', () => {
  it.each([
    ['4', '7', '2027', '2027-07-04'], // day first: 4 7 is 4 July, never 7 April
    ['27', '3', '2026', '2026-03-27'], // the hint's own example
    ['04', '07', '2027', '2027-07-04'], // leading zeros are fine
    ['004', '007', '2027', '2027-07-04'],
    [' 9 ', '\t12', '2026 ', '2026-12-09'], // spaces around a number are ignored
    ['29', '2', '2024', '2024-02-29'], // 2024 is a leap year
    ['29', '2', '2000', '2000-02-29'], // 2000 is a leap year (divisible by 400)
    ['31', '12', '9999', '9999-12-31'],
    ['1', '1', '1000', '1000-01-01'],
    ['30', '4', '2026', '2026-04-30'], // April has 30 days
  ])('reads %s %s %s as %s', (d, m, y, expected) => {
    expect(readDateParts(parts(d, m, y))).toEqual({ kind: 'date', value: expected });
  });

  it('reads three empty boxes (or only spaces) as no date', () => {
    expect(readDateParts(parts('', '', ''))).toEqual({ kind: 'empty' });
    expect(readDateParts(parts(' ', '  ', '\t'))).toEqual({ kind: 'empty' });
  });

  it.each([
    [parts('', '7', '2027'), 'Date must include a day', ['day']],
    [parts('4', '', '2027'), 'Date must include a month', ['month']],
    [parts('4', '7', ''), 'Date must include a year', ['year']],
    [parts('', '', '2027'), 'Date must include a day and month', ['day', 'month']],
    [parts('', '7', ''), 'Date must include a day and year', ['day', 'year']],
    [parts('4', '', ''), 'Date must include a month and year', ['month', 'year']],
    [parts('4', ' ', '2027'), 'Date must include a month', ['month']],
  ])('names the missing boxes: %o', (typed, message, marked) => {
    expect(readDateParts(typed)).toEqual({ kind: 'problem', message, parts: marked });
  });

  it('names a missing box before anything else wrong', () => {
    expect(readDateParts(parts('x', '', '26'))).toEqual({ kind: 'problem', message: 'Date must include a month', parts: ['month'] });
  });

  it.each([
    [parts('4', '7', '27'), ['year']], // 27 could be 1927 or 2027
    [parts('4', '7', '202'), ['year']],
    [parts('4', '7', '20277'), ['year']],
    [parts('4', '7', '7'), ['year']],
  ])('refuses a year not of four numbers: %o', (typed, marked) => {
    expect(readDateParts(typed)).toEqual({ kind: 'problem', message: 'Year must include 4 numbers', parts: marked });
  });

  it.each([
    [parts('29', '2', '2025'), ['day']], // 2025 is not a leap year
    [parts('29', '2', '2100'), ['day']], // 2100 is not a leap year (divisible by 100, not 400)
    [parts('31', '4', '2026'), ['day']], // April has 30 days
    [parts('31', '6', '2026'), ['day']],
    [parts('31', '9', '2026'), ['day']],
    [parts('31', '11', '2026'), ['day']],
    [parts('0', '7', '2027'), ['day']],
    [parts('32', '1', '2027'), ['day']],
    [parts('4', '13', '2027'), ['month']], // the day could fit a month, so only the month is wrong
    [parts('4', '0', '2027'), ['month']],
    [parts('32', '13', '2027'), ['day', 'month']],
    [parts('4th', '7', '2027'), ['day']],
    [parts('4', 'July', '2027'), ['month']],
    [parts('4', '7', '2O27'), ['year']], // a letter O for a zero
    [parts('4.5', '7', '2027'), ['day']],
    [parts('-4', '7', '2027'), ['day']],
    [parts('1 0', '7', '2027'), ['day']], // a space inside a number
    [parts('a', 'b', 'c'), ['day', 'month', 'year']],
    [parts('4', '7', '0027'), ['year']], // four numbers, but not a year a plan can mean
  ])('refuses a date that cannot be, marking only the wrong boxes: %o', (typed, marked) => {
    expect(readDateParts(typed)).toEqual({ kind: 'problem', message: 'Date must be a real date', parts: marked });
  });

  it('starts its messages with the subject it is given', () => {
    expect(readDateParts(parts('4', '', '2027'), 'Date of birth')).toMatchObject({ message: 'Date of birth must include a month' });
    expect(readDateParts(parts('31', '4', '2027'), 'Date of birth')).toMatchObject({ message: 'Date of birth must be a real date' });
  });
});

describe('splitIsoDate', () => {
  it('shows a stored date day first without leading zeros, as the hint writes dates', () => {
    expect(splitIsoDate('2026-03-07')).toEqual(parts('7', '3', '2026'));
    expect(splitIsoDate('2027-12-31')).toEqual(parts('31', '12', '2027'));
  });

  it('shows no date as empty boxes', () => {
    expect(splitIsoDate('')).toEqual(parts('', '', ''));
  });

  it('shows a stored value that is not a date as written, so it is seen and can be corrected', () => {
    expect(splitIsoDate('2026-02-31')).toEqual(parts('31', '2', '2026'));
    expect(splitIsoDate('next week')).toEqual(parts('', '', 'next week'));
  });

  it('reads back every date it splits', () => {
    for (const iso of ['2024-02-29', '2026-01-01', '1999-12-31', '2027-07-04']) {
      expect(readDateParts(splitIsoDate(iso))).toEqual({ kind: 'date', value: iso });
    }
  });
});
