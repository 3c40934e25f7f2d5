import { describe, expect, it } from 'vitest';
import { retentionPrompt } from '../../../lib/library/retention-prompt.ts';
import { copyProfile } from '../../../lib/settings/own-profiles.ts';
import { getShippedProfile } from '../../../lib/rules/deadlines/profiles/index.ts';
import type { PlanSummary } from '../../../lib/library/plan-index.ts';

const plan = (changes: Partial<PlanSummary> = {}): PlanSummary => ({
  id: 'p1', familyName: 'Testington', childNames: ['Ava'], profileId: 'national', division: 'england-and-wales', createdAt: '2025-01-01', ...changes,
});

describe('retentionPrompt', () => {
  it("uses the product's default a year after the end when the profile sets no period", () => {
    expect(retentionPrompt(plan({ endedOn: '2026-03-10' }), [], '2027-03-09')).toBeNull();
    expect(retentionPrompt(plan({ endedOn: '2026-03-10' }), [], '2027-03-10')).toEqual({ endedOn: '2026-03-10', months: 12 });
  });

  it("uses the period a board set in its own profile, and names that profile", () => {
    const own = { ...copyProfile(getShippedProfile('national')!, 'Testshire partnership'), endedPlanLocalCopyMonths: 3 };
    const ended = plan({ endedOn: '2026-03-10', profileId: own.id });
    expect(retentionPrompt(ended, [own], '2026-06-09')).toBeNull();
    expect(retentionPrompt(ended, [own], '2026-06-10')).toEqual({ endedOn: '2026-03-10', months: 3, setBy: 'Testshire partnership' });
  });

  it('never prompts for a plan that has not ended', () => {
    expect(retentionPrompt(plan(), [], '2040-01-01')).toBeNull();
  });
});
