import { describe, expect, it } from 'vitest';
import { getShippedProfile } from '../../../../lib/rules/deadlines/profiles/index.ts';
import { proposeDates, type Proposal } from '../../../../lib/rules/deadlines/propose-dates.ts';
import type { TimelineEvent } from '../../../../lib/rules/deadlines/timeline.ts';

const ev = (id: string, kind: string, date: string, extra: object = {}) => ({ id, kind, date, ...extra }) as TimelineEvent;
const profile = (id: string) => getShippedProfile(id)!;
const wirral = profile('wirral-2016');
const summary = (proposals: Proposal[]) => proposals.map((p) => [p.key, p.kind, p.date, p.latest]);

describe('proposeDates', () => {
  it('after an initial conference: first core group, first visit, first review and the deadlines before it', () => {
    const proposals = proposeDates([ev('i', 'icpc', '2025-03-07')], wirral, 'i');
    expect(summary(proposals)).toEqual([
      ['T8:i', 'core-group', '2025-03-21', '2025-03-21'], // 10 working days: the latest date within the limit
      ['T14:i', 'visit', '2025-03-28', '2025-03-28'], // 3 weeks
      ['T10:T12:i', 'core-group', '2025-05-27', '2025-05-27'], // 10 days before the proposed review
      ['T5:T12:i', 'report-submitted', '2025-05-30', '2025-05-30'], // 5 working days before it
      ['T7:T12:i', 'report-shared', '2025-05-30', '2025-05-30'],
      ['T12:i', 'rcpc', '2025-06-06', '2025-06-07'], // 3 months is Saturday 7 June: propose Friday
    ]);
    expect(proposals.find((p) => p.key === 'T5:T12:i')).toMatchObject({ countsFrom: 'T12:i', hangsOn: ['i'] });
    expect(proposals.find((p) => p.key === 'T12:i')?.basis).toBe('First review conference within 3 months of the initial conference (Wirral 2016, 3.2).');
  });

  it('counts the report deadlines back over Easter from a proposed review', () => {
    const proposals = proposeDates([ev('i', 'icpc', '2026-01-09')], wirral, 'i');
    expect(proposals.find((p) => p.key === 'T12:i')?.date).toBe('2026-04-09'); // Maundy Thursday
    expect(proposals.find((p) => p.key === 'T5:T12:i')?.date).toBe('2026-03-31'); // back over Easter Monday and Good Friday
  });

  it.each([
    ['wirral-2016', '2025-04-17', '2025-05-01'], // typically 4 weeks, at most 6
    ['partnership-responsibilities', '2025-04-17', '2025-04-17'], // every 4 weeks
    ['strategy-to-review-flow', '2025-04-17', '2025-05-01'], // about every 4–6 weeks
  ])('after a core group under %s: the next on %s, at the latest %s', (id, date, latest) => {
    const proposals = proposeDates([ev('cg', 'core-group', '2025-03-20')], profile(id), 'cg');
    expect(summary(proposals)).toEqual([['T9:cg', 'core-group', date, latest]]);
  });

  it('after a review: the next review and, under Wirral, its deadlines', () => {
    expect(summary(proposeDates([ev('r', 'rcpc', '2025-06-06')], profile('national'), 'r'))).toEqual([
      ['T13:r', 'rcpc', '2025-12-05', '2025-12-06'],
    ]);
    expect(summary(proposeDates([ev('r', 'rcpc', '2025-06-06')], wirral, 'r'))).toEqual([
      ['T10:T13:r', 'core-group', '2025-11-25', '2025-11-25'],
      ['T5:T13:r', 'report-submitted', '2025-11-28', '2025-11-28'],
      ['T7:T13:r', 'report-shared', '2025-11-28', '2025-11-28'],
      ['T13:r', 'rcpc', '2025-12-05', '2025-12-06'],
    ]);
  });

  it('after a strategy discussion: the initial conference and the reports before it', () => {
    expect(summary(proposeDates([ev('s', 'strategy', '2025-03-03')], wirral, 's'))).toEqual([
      ['T4:T1:s', 'report-submitted', '2025-03-19', '2025-03-19'],
      ['T6:T1:s', 'report-shared', '2025-03-20', '2025-03-20'],
      ['T1:s', 'icpc', '2025-03-24', '2025-03-24'],
    ]);
  });

  it('after a birth: the review of the pre-birth plan, a month on when that is sooner', () => {
    const timeline = [ev('p', 'pre-birth-conference', '2025-03-03'), ev('b', 'birth', '2025-04-10')];
    const review = proposeDates(timeline, wirral, 'b').find((p) => p.ruleId === 'T17');
    expect(review).toMatchObject({ key: 'T17:p', date: '2025-05-09', latest: '2025-05-10', hangsOn: ['p', 'b'] });
    // 5 working days before Friday 9 May 2025, over the early May bank holiday on Monday 5 May.
    expect(proposeDates(timeline, wirral, 'b').find((p) => p.key === 'T5:T17:p')?.date).toBe('2025-05-01');
  });

  it('names a meeting already held or booked that answers a proposal', () => {
    const timeline = [ev('i', 'icpc', '2025-03-07'), ev('cg', 'core-group', '2025-03-14'), ev('r', 'rcpc', '2025-06-02', { scheduled: true })];
    const proposals = proposeDates(timeline, wirral, 'i');
    expect(proposals.find((p) => p.key === 'T8:i')?.existing).toEqual({ id: 'cg', date: '2025-03-14', held: true });
    expect(proposals.find((p) => p.key === 'T12:i')?.existing).toEqual({ id: 'r', date: '2025-06-02', held: false });
  });

  it('proposes nothing that needs a plan after a conference that made none', () => {
    expect(proposeDates([ev('i', 'icpc', '2025-03-07', { endsPlan: true })], wirral, 'i')).toEqual([]);
  });

  it('proposes nothing a profile does not set (Calderdale leaves core group dates to the group)', () => {
    expect(proposeDates([ev('i', 'icpc', '2025-03-07')], profile('calderdale-group-agreement'), 'i')).toEqual([]);
  });

  it('throws a RangeError for an event that is not in the timeline', () => {
    expect(() => proposeDates([ev('i', 'icpc', '2025-03-07')], wirral, 'missing')).toThrow(RangeError);
    expect(() => proposeDates([ev('i', 'icpc', '2025-03-07')], wirral, 'missing')).toThrow(/afterEvent/);
  });
});
