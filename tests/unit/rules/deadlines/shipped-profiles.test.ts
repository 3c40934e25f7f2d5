import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROFILE_ID,
  SHIPPED_PROFILES,
  getShippedProfile,
  validateProfile,
  type Profile,
  type Rule,
  type TimescaleId,
} from '../../../../lib/rules/deadlines/profiles/index.ts';
import type { EventKind } from '../../../../lib/rules/deadlines/timeline.ts';

/** The one rule of a profile with this id that counts from this kind of event. */
function ruleOf(profileId: string, id: TimescaleId, from: EventKind): Rule | undefined {
  return getShippedProfile(profileId)!.rules.find((r) => r.id === id && r.from.includes(from));
}

describe('SHIPPED_PROFILES', () => {
  it('ships national, Wirral 2016 and one profile per other seed document, with stable ids', () => {
    expect(SHIPPED_PROFILES.map((p) => p.id)).toEqual([
      'national',
      'wirral-2016',
      'partnership-responsibilities', // seed 000
      'conferencing-good-practice', // seed 001
      'calderdale-group-agreement', // seed 002
      'strategy-to-review-flow', // seed 004
    ]);
    expect(DEFAULT_PROFILE_ID).toBe('national');
  });

  it.each(SHIPPED_PROFILES.map((p) => [p.id, p] as const))('%s validates with no findings', (_id, profile) => {
    expect(validateProfile(profile)).toEqual([]);
  });

  it.each(SHIPPED_PROFILES.flatMap((p) => p.rules.map((r) => [p.id, r.id, r] as const)))(
    '%s %s cites its document and section',
    (_id, _rule, rule) => {
      expect(rule.source.trim()).not.toBe('');
      expect(rule.section.trim()).not.toBe('');
      expect(rule.source).toContain(rule.section);
    },
  );

  it('is frozen: a user edits a clone, never a shipped profile', () => {
    const wirral = getShippedProfile('wirral-2016') as Profile;
    expect(() => {
      wirral.rules[0]!.figure = 20;
    }).toThrow(TypeError);
  });
});

describe('shipped figures', () => {
  // Each row is a figure from TIMESCALES.md's table, checked against the seed's own section.
  it.each([
    ['national', 'T1', 'strategy', 15, 'working-days', 'after'],
    ['national', 'T8', 'icpc', 10, 'working-days', 'after'],
    ['national', 'T12', 'icpc', 3, 'months', 'after'],
    ['national', 'T13', 'rcpc', 6, 'months', 'after'],
    ['national', 'T15', 'transfer-notified', 15, 'working-days', 'after'],
    ['wirral-2016', 'T1', 'strategy', 15, 'working-days', 'after'], // 2.6, 3.2
    ['wirral-2016', 'T2', 'icpc', 1, 'working-days', 'after'], // 5.1 chair's letter
    ['wirral-2016', 'T3', 'rcpc', 15, 'working-days', 'after'], // 5.2 minutes
    ['wirral-2016', 'T4', 'icpc', 3, 'working-days', 'before'], // 3.8, 4.1
    ['wirral-2016', 'T5', 'rcpc', 5, 'working-days', 'before'],
    ['wirral-2016', 'T6', 'icpc', 2, 'working-days', 'before'], // 3.8, 4.2
    ['wirral-2016', 'T7', 'rcpc', 5, 'working-days', 'before'],
    ['wirral-2016', 'T8', 'icpc', 10, 'working-days', 'after'], // 6.3
    ['wirral-2016', 'T9', 'core-group', 6, 'weeks', 'after'], // 7.3
    ['wirral-2016', 'T10', 'rcpc', 10, 'calendar-days', 'before'], // 7.4
    ['wirral-2016', 'T12', 'icpc', 3, 'months', 'after'], // 3.2
    ['wirral-2016', 'T13', 'rcpc', 6, 'months', 'after'],
    ['wirral-2016', 'T14', 'visit', 3, 'weeks', 'after'], // 7.2
    ['wirral-2016', 'T15', 'transfer-notified', 15, 'working-days', 'after'], // 3.15
    ['wirral-2016', 'T16', 'strategy', 15, 'calendar-days', 'after'], // 3.14
    ['wirral-2016', 'T17', 'pre-birth-conference', 3, 'months', 'after'],
    ['wirral-2016', 'T18', 'minutes-received', 10, 'working-days', 'after'], // 5.3
    ['wirral-2016', 'T18', 'minutes-circulated', 15, 'working-days', 'after'],
    ['wirral-2016', 'T19', 'icpc', 30, 'minutes', 'before'], // 3.4
    ['partnership-responsibilities', 'T1', 'strategy', 15, 'calendar-days', 'after'],
    ['partnership-responsibilities', 'T2', 'icpc', 24, 'hours', 'after'],
    ['partnership-responsibilities', 'T2', 'rcpc', 24, 'hours', 'after'],
    ['partnership-responsibilities', 'T3', 'icpc', 15, 'working-days', 'after'],
    ['partnership-responsibilities', 'T3', 'rcpc', 15, 'calendar-days', 'after'],
    ['partnership-responsibilities', 'T4', 'icpc', 2, 'calendar-days', 'before'],
    ['partnership-responsibilities', 'T5', 'rcpc', 2, 'calendar-days', 'before'],
    ['partnership-responsibilities', 'T6', 'icpc', 2, 'calendar-days', 'before'],
    ['partnership-responsibilities', 'T7', 'rcpc', 2, 'calendar-days', 'before'],
    ['partnership-responsibilities', 'T9', 'core-group', 4, 'weeks', 'after'],
    ['partnership-responsibilities', 'T11', 'core-group', 15, 'working-days', 'after'],
    ['partnership-responsibilities', 'T15', 'transfer-notified', 15, 'working-days', 'after'],
    ['conferencing-good-practice', 'T2', 'icpc', 1, 'working-days', 'after'],
    ['conferencing-good-practice', 'T3', 'pre-birth-conference', 15, 'working-days', 'after'],
    ['conferencing-good-practice', 'T4', 'icpc', 3, 'working-days', 'before'],
    ['conferencing-good-practice', 'T5', 'rcpc', 5, 'working-days', 'before'],
    ['conferencing-good-practice', 'T6', 'icpc', 0, 'calendar-days', 'before'],
    ['conferencing-good-practice', 'T10', 'rcpc', 10, 'calendar-days', 'before'],
    ['conferencing-good-practice', 'T11', 'core-group', 5, 'working-days', 'after'],
    ['calderdale-group-agreement', 'T2', 'icpc', 24, 'hours', 'after'],
    ['calderdale-group-agreement', 'T3', 'icpc', 15, 'working-days', 'after'],
    ['strategy-to-review-flow', 'T1', 'strategy', 15, 'calendar-days', 'after'],
    ['strategy-to-review-flow', 'T5', 'rcpc', 7, 'calendar-days', 'before'],
    ['strategy-to-review-flow', 'T6', 'icpc', 2, 'working-days', 'before'],
    ['strategy-to-review-flow', 'T7', 'rcpc', 7, 'calendar-days', 'before'],
    ['strategy-to-review-flow', 'T8', 'icpc', 10, 'calendar-days', 'after'],
    ['strategy-to-review-flow', 'T9', 'core-group', 6, 'weeks', 'after'],
    ['strategy-to-review-flow', 'T12', 'icpc', 3, 'months', 'after'],
  ] as const)('%s %s from %s: %i %s %s', (profileId, id, from, figure, unit, direction) => {
    expect(ruleOf(profileId, id, from)).toMatchObject({ figure, unit, direction });
  });

  it.each([
    ['national', ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T9', 'T10', 'T11', 'T14', 'T16', 'T17', 'T18', 'T19', 'T20']],
    ['wirral-2016', ['T11', 'T20']], // core group notes have no figure in 7.6
    ['partnership-responsibilities', ['T8', 'T10', 'T12', 'T13', 'T14', 'T16', 'T17', 'T18', 'T19']],
    ['conferencing-good-practice', ['T1', 'T8', 'T9', 'T12', 'T13', 'T14', 'T15', 'T16', 'T17']],
    ['calderdale-group-agreement', ['T1', 'T8', 'T9', 'T11', 'T12']], // frequency set in each group's agreement
    ['strategy-to-review-flow', ['T2', 'T3', 'T4', 'T10', 'T13', 'T15']],
  ])('%s leaves out the rules its document does not set: %j', (profileId, absent) => {
    const ids = getShippedProfile(profileId)!.rules.map((r) => r.id);
    for (const id of absent) expect(ids).not.toContain(id);
  });

  it('counts 004’s conference from the last strategy meeting and the others from the one that started s47', () => {
    expect(ruleOf('strategy-to-review-flow', 'T1', 'strategy')?.anchor).toBe('last');
    for (const id of ['national', 'wirral-2016', 'partnership-responsibilities']) {
      expect(ruleOf(id, 'T1', 'strategy')?.anchor).toBe('starts-s47');
    }
  });

  it('gives Wirral T17 the sooner of 1 month from the birth and 3 months from the pre-birth conference', () => {
    expect(ruleOf('wirral-2016', 'T17', 'pre-birth-conference')?.sooner).toEqual({ figure: 1, unit: 'months', from: 'birth' });
  });

  it('gives Wirral core groups a typical 4 weeks inside the 6-week limit', () => {
    expect(ruleOf('wirral-2016', 'T9', 'core-group')?.typical).toEqual({ figure: 4, unit: 'weeks' });
  });
});

describe('getShippedProfile', () => {
  it('returns undefined for an id that is not shipped', () => {
    expect(getShippedProfile('my-board')).toBeUndefined();
  });
});
