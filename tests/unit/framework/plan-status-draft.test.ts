import { describe, expect, it } from 'vitest';
import { END_REASONS, PLAN_STATUSES } from '../../../lib/plan/index.ts';
import { END_REASON_LABELS, STATUS_HINTS, STATUS_LABELS, checkStatusDraft } from '../../../lib/framework/plan-status-draft.ts';

const TODAY = '2025-06-10';

describe('checkStatusDraft', () => {
  it.each(['outline', 'detailed', 'agreed'] as const)('needs nothing more to move the plan to %s', (status) => {
    expect(checkStatusDraft({ status, endReason: '', endedOn: '' }, TODAY)).toEqual([]);
  });

  it('needs a reason and a date to end the plan', () => {
    expect(checkStatusDraft({ status: 'ended', endReason: '', endedOn: '' }, TODAY)).toEqual([
      { field: 'endReason', message: 'Choose why the plan is ending.' },
      { field: 'endedOn', message: 'Enter the date the plan ended.' },
    ]);
  });

  it.each([
    ['2025-13-01', /not a real date/],
    ['2025-06-11', /in the future/],
  ])('refuses the end date %j', (endedOn, message) => {
    expect(checkStatusDraft({ status: 'ended', endReason: 'reached-18', endedOn }, TODAY)).toEqual([
      { field: 'endedOn', message: expect.stringMatching(message) },
    ]);
  });

  it('accepts an ending with a known reason, today or earlier', () => {
    expect(checkStatusDraft({ status: 'ended', endReason: 'no-longer-at-risk', endedOn: TODAY }, TODAY)).toEqual([]);
    expect(checkStatusDraft({ status: 'ended', endReason: 'left-uk', endedOn: '2024-12-31' }, TODAY)).toEqual([]);
  });
});

describe('STATUS_LABELS and END_REASON_LABELS', () => {
  it('name every status and every reason a plan can end', () => {
    expect(Object.keys(STATUS_LABELS).sort()).toEqual([...PLAN_STATUSES].sort());
    expect(Object.keys(STATUS_HINTS).sort()).toEqual([...PLAN_STATUSES].sort());
    expect(Object.keys(END_REASON_LABELS).sort()).toEqual([...END_REASONS].sort());
    expect(END_REASON_LABELS['moved-permanently']).toMatch(/transfer-in conference/);
  });
});
