import { describe, expect, it } from 'vitest';
import { basisFor, describeSpan } from '../../../../lib/rules/deadlines/deadline-basis.ts';
import { cloneProfile, getShippedProfile, type TimescaleId } from '../../../../lib/rules/deadlines/profiles/index.ts';
import type { EventKind } from '../../../../lib/rules/deadlines/timeline.ts';

function basis(profileId: string, id: TimescaleId, from: EventKind): string {
  const profile = getShippedProfile(profileId)!;
  const rule = profile.rules.find((r) => r.id === id && r.from.includes(from))!;
  return basisFor(profile, rule, from);
}

describe('basisFor', () => {
  it.each([
    ['wirral-2016', 'T1', 'strategy', 'Initial child protection conference within 15 working days of the strategy discussion (Wirral 2016, 2.6, 3.2).'],
    ['wirral-2016', 'T9', 'core-group', 'Next core group within 6 weeks of the last core group (Wirral 2016, 7.3).'],
    ['wirral-2016', 'T14', 'icpc', 'Social worker visit (child seen, alone where possible) within 3 weeks of the initial conference (Wirral 2016, 7.2, 3.11).'],
    ['wirral-2016', 'T4', 'icpc', 'Agency reports to the chair 3 working days before the initial conference (Wirral 2016, 3.8, 4.1).'],
    ['wirral-2016', 'T17', 'pre-birth-conference', 'First review after a pre-birth conference within 3 months of the pre-birth conference or 1 month of the birth, whichever is sooner (Wirral 2016, 3.14).'],
    ['wirral-2016', 'T19', 'rcpc', 'Arrive 30 minutes early to read the reports (Wirral 2016, 3.4).'],
    ['wirral-2016', 'T21', 'action', 'Plan action: due on the date the plan set for it (Wirral 2016, 7.6).'],
    ['strategy-to-review-flow', 'T1', 'strategy', 'Initial child protection conference within 15 days of the last strategy discussion (Process flow, stage "Conference").'],
    ['conferencing-good-practice', 'T6', 'icpc', 'Reports shared with parents before the initial conference (LSCB Good Practice Guidance, "Prior to the conference (initial)").'],
    ['partnership-responsibilities', 'T2', 'rcpc', 'Outline plan shared with agencies within 24 hours of the review conference (SCU Partnership Responsibilities, "Initial Conference; Review Child Protection Conference").'],
    ['national', 'T12', 'transfer-in-conference', 'First review conference within 3 months of the transfer-in conference (Working Together 2023, chapter 3, child protection review conferences).'],
  ] as const)('%s %s from %s reads: %s', (profileId, id, from, expected) => {
    expect(basis(profileId, id, from)).toBe(expected);
  });

  it('says when the event day counts as day 1', () => {
    const profile = { ...cloneProfile(getShippedProfile('wirral-2016')!, 'wirral-day-one', 'Wirral, day one'), dayZero: 'nextDay' as const };
    expect(basisFor(profile, profile.rules[0]!, 'strategy')).toBe(
      'Initial child protection conference within 15 working days of the strategy discussion, counting its day as day 1 (Wirral 2016, 2.6, 3.2).',
    );
  });

  it('appends a further sentence after the citation', () => {
    const profile = getShippedProfile('wirral-2016')!;
    const rule = profile.rules.find((r) => r.id === 'T16')!;
    expect(basisFor(profile, rule, 'strategy', 'Not before 16 weeks’ gestation (2025-06-16).')).toMatch(/\(Wirral 2016, 3\.14\)\. Not before 16 weeks’ gestation \(2025-06-16\)\.$/);
  });
});

describe('describeSpan', () => {
  it.each([
    [{ figure: 1, unit: 'working-days' }, '1 working day'],
    [{ figure: 15, unit: 'working-days' }, '15 working days'],
    [{ figure: 1, unit: 'months' }, '1 month'],
    [{ figure: 10, unit: 'calendar-days' }, '10 days'],
  ] as const)('%j reads "%s"', (span, expected) => {
    expect(describeSpan(span)).toBe(expected);
  });
});
