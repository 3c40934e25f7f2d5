import { describe, expect, it } from 'vitest';
import { checkDueDate, type DueDateInput } from '../../../../lib/rules/checks/due-date-checks.ts';
import { keysOf } from './smart-fixtures.ts';

const input = (overrides: Partial<DueDateInput>): DueDateInput => ({
  dueDate: '2025-04-01',
  today: '2025-03-03',
  nextReviewDate: '2025-05-29',
  open: true,
  afterReview: 'blocking',
  subject: 'action',
  ...overrides,
});

describe('checkDueDate', () => {
  it.each<[string, Partial<DueDateInput>, string[]]>([
    ['a date inside the review period', {}, []],
    ['no date', { dueDate: undefined }, ['timebound/blocking/dueDate']],
    ['a date that is not text', { dueDate: 20250401 }, ['timebound/blocking/dueDate']],
    ['a date after the review, for an action', { dueDate: '2025-06-01' }, ['timebound/blocking/dueDate']],
    ['a date after the review, for an outcome', { dueDate: '2025-06-01', afterReview: 'advice' }, ['timebound/advice/dueDate']],
    ['a date after the review when the rule is off', { dueDate: '2025-06-01', afterReview: 'none' }, []],
    // Both at once: late for the review and already past (a review date that has itself gone by).
    ['a past date after a past review', { dueDate: '2025-02-01', nextReviewDate: '2025-01-15' }, ['timebound/blocking/dueDate', 'realistic/advice/dueDate']],
    ['a past date on a closed record', { dueDate: '2025-02-01', open: false }, []],
  ])('for %s gives %j', (_, overrides, expected) => {
    expect(keysOf(checkDueDate(input(overrides)))).toEqual(expected);
  });

  it('cuts a long invalid value short in the message', () => {
    const [finding] = checkDueDate(input({ dueDate: 'x'.repeat(500) }));
    expect(finding?.message.length).toBeLessThan(120);
  });
});
