import { describe, expect, it } from 'vitest';
import { DEFAULT_ENDED_PLAN_MONTHS, endedPlanMonths, endedPlanPrompt } from '../../../../lib/rules/retention/ended-plan.ts';

describe('endedPlanPrompt', () => {
  it('prompts from the day the period after the end is over, not before', () => {
    expect(endedPlanPrompt('2026-01-31', 6, '2026-07-30')).toEqual({ dueOn: '2026-07-31', due: false });
    expect(endedPlanPrompt('2026-01-31', 6, '2026-07-31')).toEqual({ dueOn: '2026-07-31', due: true });
    expect(endedPlanPrompt('2026-01-31', 6, '2027-01-01')?.due).toBe(true);
  });

  it('never prompts for a plan that has not ended, or with a broken period', () => {
    expect(endedPlanPrompt('', 6, '2030-01-01')).toBeNull();
    expect(endedPlanPrompt('2026-01-31', 0, '2030-01-01')).toBeNull();
    expect(endedPlanPrompt('2026-01-31', 2.5, '2030-01-01')).toBeNull();
  });
});

describe('endedPlanMonths', () => {
  it("uses a board's own period, else the product's default", () => {
    expect(endedPlanMonths({ endedPlanLocalCopyMonths: 3 })).toEqual({ months: 3, fromProfile: true });
    expect(endedPlanMonths({})).toEqual({ months: DEFAULT_ENDED_PLAN_MONTHS, fromProfile: false });
    expect(endedPlanMonths({ endedPlanLocalCopyMonths: 'six' })).toEqual({ months: DEFAULT_ENDED_PLAN_MONTHS, fromProfile: false });
    expect(endedPlanMonths(undefined).fromProfile).toBe(false);
  });
});
