import { describe, expect, it } from 'vitest';
import { validateNewPlan } from '../../../lib/plan/index.ts';

const TODAY = '2026-11-22';
const PROFILES = ['national'];
const fields = (input: Parameters<typeof validateNewPlan>[0]) => validateNewPlan(input, TODAY, PROFILES).map((p) => p.field);

describe('validateNewPlan', () => {
  it('accepts a family with a born and an unborn child', () => {
    expect(fields({ familyName: 'Testington', profileId: 'national', children: [{ name: 'Ava', dob: '2019-03-14' }, { name: 'Baby', edd: '2027-03-01' }] })).toEqual([]);
  });

  it.each([
    ['held today', { date: TODAY, scheduled: false }],
    ['booked for today', { date: TODAY, scheduled: true }],
    ['booked for next week', { date: '2026-11-29', scheduled: true }],
  ])('accepts an initial conference %s', (_, conference) => {
    expect(fields({ familyName: 'T', profileId: 'national', children: [{ name: 'Ava', dob: '2019-03-14' }], conference })).toEqual([]);
  });

  it.each([
    ['no family name', { familyName: '  ', profileId: 'national', children: [{ name: 'Ava', dob: '2019-03-14' }] }, ['familyName']],
    ['an unknown profile', { familyName: 'T', profileId: 'nowhere', children: [{ name: 'Ava', dob: '2019-03-14' }] }, ['profileId']],
    ['no children', { familyName: 'T', profileId: 'national', children: [] }, ['children']],
    ['a child without a name', { familyName: 'T', profileId: 'national', children: [{ name: '', dob: '2019-03-14' }] }, ['children.0.name']],
    ['a child with neither date', { familyName: 'T', profileId: 'national', children: [{ name: 'Ava' }] }, ['children.0.dob']],
    ['both dates', { familyName: 'T', profileId: 'national', children: [{ name: 'Ava', dob: '2019-03-14', edd: '2027-01-01' }] }, ['children.0.edd']],
    // 30 February does not exist.
    ['an impossible date of birth', { familyName: 'T', profileId: 'national', children: [{ name: 'Ava', dob: '2019-02-30' }] }, ['children.0.dob']],
    ['a date of birth tomorrow', { familyName: 'T', profileId: 'national', children: [{ name: 'Ava', dob: '2026-11-23' }] }, ['children.0.dob']],
    // Ten months from 22 Nov 2026 is 22 Sep 2027: a pregnancy cannot be due later.
    ['a due date over ten months away', { familyName: 'T', profileId: 'national', children: [{ name: 'Baby', edd: '2027-09-23' }] }, ['children.0.edd']],
    // The initial conference: held means it has happened; booked means it is still to come.
    ['a conference with no date', { familyName: 'T', profileId: 'national', children: [{ name: 'Ava', dob: '2019-03-14' }], conference: { date: '', scheduled: false } }, ['conferenceDate']],
    ['a conference on 31 November', { familyName: 'T', profileId: 'national', children: [{ name: 'Ava', dob: '2019-03-14' }], conference: { date: '2026-11-31', scheduled: false } }, ['conferenceDate']],
    ['a conference held tomorrow', { familyName: 'T', profileId: 'national', children: [{ name: 'Ava', dob: '2019-03-14' }], conference: { date: '2026-11-23', scheduled: false } }, ['conferenceDate']],
    ['a conference booked for yesterday', { familyName: 'T', profileId: 'national', children: [{ name: 'Ava', dob: '2019-03-14' }], conference: { date: '2026-11-21', scheduled: true } }, ['conferenceDate']],
  ])('reports %s', (_, input, expected) => {
    expect(fields(input)).toEqual(expected);
  });

  it('says what is wrong in words a practitioner can act on', () => {
    const [problem] = validateNewPlan({ familyName: 'T', profileId: 'national', children: [{ name: 'Ava', dob: '2030-01-01' }] }, TODAY, PROFILES);
    expect(problem?.message).toBe('The date of birth for child 1 is in the future. For an unborn baby, use the expected date of delivery.');
  });
});

