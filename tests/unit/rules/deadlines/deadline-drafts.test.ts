/**
 * What each rule T1–T21 produces, through the public engine. Dates are chosen to make the counting
 * visible; comments state the calendar facts they rest on.
 */
import { describe, expect, it } from 'vitest';
import type { Deadline } from '../../../../lib/rules/deadlines/deadline.ts';
import { computeDeadlines } from '../../../../lib/rules/deadlines/deadlines.ts';
import { getShippedProfile } from '../../../../lib/rules/deadlines/profiles/index.ts';
import type { TimelineEvent } from '../../../../lib/rules/deadlines/timeline.ts';

const ev = (id: string, kind: string, date: string, extra: object = {}) => ({ id, kind, date, ...extra }) as TimelineEvent;
const profile = (id: string) => getShippedProfile(id)!;
const wirral = profile('wirral-2016');

/** The deadline with this key, or a failure that lists the keys there were. */
function item(deadlines: Deadline[], key: string): Deadline {
  const found = deadlines.find((d) => d.key === key);
  if (!found) throw new Error(`no deadline ${key}; have ${deadlines.map((d) => d.key).join(', ')}`);
  return found;
}
const keys = (deadlines: Deadline[], ruleId: string) => deadlines.filter((d) => d.ruleId === ruleId).map((d) => d.key);

describe('computeDeadlines', () => {
  describe('T1 initial conference after the strategy discussion', () => {
    it.each([
      ['2025-03-03', '2025-03-24'], // Monday + 15 working days: three weeks on
      ['2025-12-19', '2026-01-14'], // over Christmas Day, Boxing Day and New Year's Day
      ['2026-03-20', '2026-04-14'], // over Good Friday 3 and Easter Monday 6 April 2026
      ['2027-12-17', '2028-01-12'], // into 2028: substitutes Monday 27, Tuesday 28 December and Monday 3 January
    ])('is due 15 working days after a strategy discussion on %s: %s', (strategy, due) => {
      const deadlines = computeDeadlines([ev('s', 'strategy', strategy)], wirral, '2025-01-01');
      expect(item(deadlines, 'T1:s')).toMatchObject({ due, status: 'upcoming', hangsOn: ['s'] });
    });

    it('is met by an initial conference on or before the due date', () => {
      const deadlines = computeDeadlines([ev('s', 'strategy', '2025-03-03'), ev('i', 'icpc', '2025-03-24')], wirral, '2025-04-01');
      expect(item(deadlines, 'T1:s')).toMatchObject({ status: 'met', metBy: 'i' });
    });

    it('is not met by a conference after the due date: overdue, with the late conference named', () => {
      const deadlines = computeDeadlines([ev('s', 'strategy', '2025-03-03'), ev('i', 'icpc', '2025-03-25')], wirral, '2025-04-01');
      const t1 = item(deadlines, 'T1:s');
      expect(t1).toMatchObject({ status: 'overdue', metLateBy: 'i' });
      expect(t1.metBy).toBeUndefined();
    });

    it('counts from the strategy discussion that started s47 (national), else the first of the run', () => {
      const two = [ev('s1', 'strategy', '2025-03-03'), ev('s2', 'strategy', '2025-03-10')];
      expect(keys(computeDeadlines(two, profile('national'), '2025-03-11'), 'T1')).toEqual(['T1:s1']);
      const flagged = [two[0]!, ev('s2', 'strategy', '2025-03-10', { startsS47: true })];
      expect(item(computeDeadlines(flagged, profile('national'), '2025-03-11'), 'T1:s2').due).toBe('2025-03-31');
    });

    it('counts from the last strategy meeting under seed 004, in calendar days', () => {
      const two = [ev('s1', 'strategy', '2025-03-03'), ev('s2', 'strategy', '2025-03-10')];
      const deadlines = computeDeadlines(two, profile('strategy-to-review-flow'), '2025-03-11');
      expect(keys(deadlines, 'T1')).toEqual(['T1:s2']);
      expect(item(deadlines, 'T1:s2').due).toBe('2025-03-25'); // 15 calendar days after 10 March
    });

    it('starts a new count for a strategy discussion after the conference answered the last one', () => {
      const timeline = [ev('s1', 'strategy', '2025-03-03'), ev('i', 'icpc', '2025-03-20'), ev('s3', 'strategy', '2025-09-01')];
      expect(keys(computeDeadlines(timeline, wirral, '2025-09-02'), 'T1')).toEqual(['T1:s1', 'T1:s3']);
    });

    it('sets no conference from a discussion that did not start s47 enquiries', () => {
      const deadlines = computeDeadlines([ev('s', 'strategy', '2025-03-03', { startsS47: false })], wirral, '2025-03-04');
      expect(keys(deadlines, 'T1')).toEqual([]);
    });
  });

  describe('T2 and T3 records after a conference', () => {
    it.each([
      ['wirral-2016', '2025-03-10'], // 1 working day: Friday's conference, Monday's letter
      ['conferencing-good-practice', '2025-03-10'],
      ['partnership-responsibilities', '2025-03-08'], // 24 hours: Saturday, the stricter wording
      ['calderdale-group-agreement', '2025-03-08'],
    ])('%s: the outline plan after a Friday conference is due %s', (id, due) => {
      const deadlines = computeDeadlines([ev('i', 'icpc', '2025-03-07')], profile(id), '2025-03-07');
      expect(item(deadlines, 'T2:i').due).toBe(due);
    });

    it('matches minutes to the conference they follow, each record answering one conference', () => {
      const timeline = [
        ev('i', 'icpc', '2025-03-07'),
        ev('m1', 'minutes-circulated', '2025-03-20'),
        ev('r', 'rcpc', '2025-06-02'),
        ev('m2', 'minutes-circulated', '2025-06-10'),
      ];
      const deadlines = computeDeadlines(timeline, wirral, '2025-07-01');
      expect(item(deadlines, 'T3:i')).toMatchObject({ due: '2025-03-28', status: 'met', metBy: 'm1' });
      expect(item(deadlines, 'T3:r')).toMatchObject({ due: '2025-06-23', status: 'met', metBy: 'm2' });
    });

    it('does not let a later conference’s minutes answer an earlier one', () => {
      const timeline = [ev('i', 'icpc', '2025-03-07'), ev('r', 'rcpc', '2025-06-02'), ev('m2', 'minutes-circulated', '2025-06-10')];
      const deadlines = computeDeadlines(timeline, wirral, '2025-07-01');
      expect(item(deadlines, 'T3:i')).toMatchObject({ status: 'overdue' });
      expect(item(deadlines, 'T3:i').metLateBy).toBeUndefined();
      expect(item(deadlines, 'T3:r').metBy).toBe('m2');
    });

    it('follows `about` when a record names its conference', () => {
      const timeline = [
        ev('i', 'icpc', '2025-03-07'),
        ev('r', 'rcpc', '2025-06-02'),
        ev('m1', 'minutes-circulated', '2025-06-04', { about: 'i' }),
      ];
      const deadlines = computeDeadlines(timeline, wirral, '2025-07-01');
      expect(item(deadlines, 'T3:i')).toMatchObject({ status: 'overdue', metLateBy: 'm1' });
      expect(item(deadlines, 'T3:r').status).toBe('overdue');
    });

    it('gives 000 two T3 rules: 15 working days after an initial, 15 days after a review', () => {
      const deadlines = computeDeadlines([ev('i', 'icpc', '2025-03-07'), ev('r', 'rcpc', '2025-06-02')], profile('partnership-responsibilities'), '2025-03-07');
      expect(item(deadlines, 'T3:i').due).toBe('2025-03-28');
      expect(item(deadlines, 'T3:r').due).toBe('2025-06-17');
    });
  });

  describe('T4–T7 reports counted back from the next conference', () => {
    it('counts back from a booked initial conference (Wirral: 3 and 2 working days)', () => {
      const timeline = [
        ev('s', 'strategy', '2025-02-24'),
        ev('rs', 'report-submitted', '2025-03-04'),
        ev('i', 'icpc', '2025-03-10', { scheduled: true }), // a Monday
      ];
      const deadlines = computeDeadlines(timeline, wirral, '2025-03-06');
      expect(item(deadlines, 'T4:i')).toMatchObject({ due: '2025-03-05', status: 'met', metBy: 'rs' });
      expect(item(deadlines, 'T6:i')).toMatchObject({ due: '2025-03-06', status: 'due-today' });
    });

    it.each([
      ['wirral-2016', 'T5', '2026-04-01'], // 5 working days back over Easter Monday and Good Friday 2026
      ['wirral-2016', 'T7', '2026-04-01'],
      ['conferencing-good-practice', 'T5', '2026-04-01'],
      ['conferencing-good-practice', 'T7', '2026-04-10'], // "before the review": the day itself
      ['partnership-responsibilities', 'T5', '2026-04-08'], // 2 days
      ['strategy-to-review-flow', 'T7', '2026-04-03'], // 7 days
    ])('%s %s before a review booked for Friday 10 April 2026 is due %s', (id, rule, due) => {
      const deadlines = computeDeadlines([ev('r', 'rcpc', '2026-04-10', { scheduled: true })], profile(id), '2026-03-01');
      expect(item(deadlines, `${rule}:r`).due).toBe(due);
    });

    it('counts back over Christmas and New Year (review on Friday 2 January 2026)', () => {
      const deadlines = computeDeadlines([ev('r', 'rcpc', '2026-01-02', { scheduled: true })], wirral, '2025-12-01');
      expect(item(deadlines, 'T5:r').due).toBe('2025-12-23');
    });

    it('does not count a report from before the previous conference', () => {
      const timeline = [
        ev('rs1', 'report-submitted', '2025-03-04'),
        ev('i', 'icpc', '2025-03-07'),
        ev('r', 'rcpc', '2025-06-02', { scheduled: true }),
      ];
      const deadlines = computeDeadlines(timeline, wirral, '2025-05-27');
      expect(item(deadlines, 'T4:i').metBy).toBe('rs1');
      expect(item(deadlines, 'T5:r')).toMatchObject({ due: '2025-05-23', status: 'overdue' });
      expect(item(deadlines, 'T5:r').metLateBy).toBeUndefined();
    });

    it('names a report shared too late', () => {
      const timeline = [ev('i', 'icpc', '2025-03-10'), ev('sh', 'report-shared', '2025-03-07')];
      const deadlines = computeDeadlines(timeline, wirral, '2025-03-11');
      expect(item(deadlines, 'T6:i')).toMatchObject({ due: '2025-03-06', status: 'overdue', metLateBy: 'sh' });
    });
  });

  describe('T8–T11 core groups', () => {
    it('wants the first core group within 10 working days of the initial conference', () => {
      const deadlines = computeDeadlines([ev('i', 'icpc', '2025-03-07'), ev('cg', 'core-group', '2025-03-20')], wirral, '2025-03-21');
      expect(item(deadlines, 'T8:i')).toMatchObject({ due: '2025-03-21', status: 'met', metBy: 'cg' });
    });

    it('reads seed 004’s "10 DAYS later" as calendar days', () => {
      const deadlines = computeDeadlines([ev('i', 'icpc', '2025-03-07')], profile('strategy-to-review-flow'), '2025-03-08');
      expect(item(deadlines, 'T8:i').due).toBe('2025-03-17');
    });

    it('sets no core group, review or visits when the initial conference made no plan', () => {
      const deadlines = computeDeadlines([ev('i', 'icpc', '2025-03-07', { endsPlan: true })], wirral, '2025-03-08');
      // The letter and minutes still follow the conference, and its reports were still due before it.
      expect(deadlines.map((d) => d.ruleId).sort()).toEqual(['T2', 'T3', 'T4', 'T6']);
    });

    it('wants each next core group within 6 weeks of the last one (Wirral), recurring', () => {
      const timeline = [ev('cg1', 'core-group', '2025-03-20'), ev('cg2', 'core-group', '2025-04-24')];
      const deadlines = computeDeadlines(timeline, wirral, '2025-05-01');
      expect(item(deadlines, 'T9:cg1')).toMatchObject({ due: '2025-05-01', status: 'met', metBy: 'cg2' });
      expect(item(deadlines, 'T9:cg2')).toMatchObject({ due: '2025-06-05', status: 'upcoming' });
    });

    it('flags a gap longer than 000’s 4 weeks, and a next meeting booked too late', () => {
      const timeline = [
        ev('cg1', 'core-group', '2025-03-20'),
        ev('cg2', 'core-group', '2025-04-24'),
        ev('cg3', 'core-group', '2025-05-29', { scheduled: true }),
      ];
      const deadlines = computeDeadlines(timeline, profile('partnership-responsibilities'), '2025-05-01');
      expect(item(deadlines, 'T9:cg1')).toMatchObject({ due: '2025-04-17', status: 'overdue', metLateBy: 'cg2' });
      expect(item(deadlines, 'T9:cg2')).toMatchObject({ due: '2025-05-22', booked: { id: 'cg3', date: '2025-05-29', inTime: false } });
    });

    it.each([
      ['2025-05-22', 'met'], // in time: 11 days before
      ['2025-05-23', 'met'], // exactly 10 days before Monday 2 June
      ['2025-05-28', 'overdue'], // too close to the review
      ['2025-04-10', 'overdue'], // the routine meeting seven weeks earlier does not count
    ])('wants a core group 10 days before a review: one on %s leaves it %s', (date, status) => {
      const timeline = [ev('i', 'icpc', '2025-03-07'), ev('cg', 'core-group', date), ev('r', 'rcpc', '2025-06-02', { scheduled: true })];
      const deadlines = computeDeadlines(timeline, wirral, '2025-05-30');
      expect(item(deadlines, 'T10:r')).toMatchObject({ due: '2025-05-23', status });
    });

    it('wants core group notes within 5 working days (seed 001)', () => {
      const timeline = [ev('cg', 'core-group', '2025-03-20'), ev('n', 'notes-circulated', '2025-03-27')];
      const deadlines = computeDeadlines(timeline, profile('conferencing-good-practice'), '2025-04-01');
      expect(item(deadlines, 'T11:cg')).toMatchObject({ due: '2025-03-27', status: 'met', metBy: 'n' });
    });

    it('stops asking for core groups once a review ends the plan', () => {
      const timeline = [ev('cg', 'core-group', '2025-05-20'), ev('r', 'rcpc', '2025-06-02', { endsPlan: true })];
      const deadlines = computeDeadlines(timeline, wirral, '2025-08-01');
      expect(keys(deadlines, 'T9')).toEqual([]);
      expect(keys(deadlines, 'T13')).toEqual([]);
    });
  });

  describe('T12 and T13 review conferences', () => {
    it.each([
      ['2025-03-07', '2025-06-07'],
      ['2024-11-29', '2025-02-28'], // 29 February does not exist in 2025: clamped
      ['2023-11-30', '2024-02-29'], // it does in 2024
    ])('wants the first review within 3 months of an initial conference on %s: %s', (icpc, due) => {
      const deadlines = computeDeadlines([ev('i', 'icpc', icpc)], wirral, '2023-01-01');
      expect(item(deadlines, 'T12:i').due).toBe(due);
    });

    it('reports a review booked within the limit', () => {
      const timeline = [ev('i', 'icpc', '2025-03-07'), ev('r', 'rcpc', '2025-06-02', { scheduled: true })];
      expect(item(computeDeadlines(timeline, wirral, '2025-03-08'), 'T12:i').booked).toEqual({ id: 'r', date: '2025-06-02', inTime: true });
    });

    it('wants each later review within 6 months of the previous one', () => {
      const timeline = [ev('r1', 'rcpc', '2025-02-27'), ev('r2', 'rcpc', '2025-08-20'), ev('r3', 'rcpc', '2025-08-29')];
      const deadlines = computeDeadlines(timeline, profile('national'), '2025-09-01');
      expect(item(deadlines, 'T13:r1')).toMatchObject({ due: '2025-08-27', status: 'met', metBy: 'r2' });
      expect(item(deadlines, 'T13:r3').due).toBe('2026-02-28'); // 29 August + 6 months, clamped
    });
  });

  describe('T14 visits', () => {
    it('wants the next visit within 3 weeks of the last, starting from the conference', () => {
      const timeline = [ev('i', 'icpc', '2025-03-07'), ev('v1', 'visit', '2025-03-24'), ev('v2', 'visit', '2025-04-14')];
      const deadlines = computeDeadlines(timeline, wirral, '2025-05-06');
      expect(item(deadlines, 'T14:i')).toMatchObject({ due: '2025-03-28', status: 'met', metBy: 'v1' });
      expect(item(deadlines, 'T14:v1')).toMatchObject({ due: '2025-04-14', status: 'met', metBy: 'v2' });
      expect(item(deadlines, 'T14:v2')).toMatchObject({ due: '2025-05-05', status: 'overdue' });
    });

    it('counts weeks as calendar weeks, holidays or not', () => {
      const deadlines = computeDeadlines([ev('v', 'visit', '2025-12-18')], wirral, '2025-12-19');
      expect(item(deadlines, 'T14:v').due).toBe('2026-01-08');
    });
  });

  describe('T15 transfer in', () => {
    it('wants a transfer-in conference within 15 working days of the first notification', () => {
      const timeline = [
        ev('n1', 'transfer-notified', '2025-03-03'),
        ev('n2', 'transfer-notified', '2025-03-05'),
        ev('t', 'transfer-in-conference', '2025-03-21'),
      ];
      const deadlines = computeDeadlines(timeline, wirral, '2025-04-01');
      expect(keys(deadlines, 'T15')).toEqual(['T15:n1']);
      expect(item(deadlines, 'T15:n1')).toMatchObject({ due: '2025-03-24', status: 'met', metBy: 't' });
      expect(item(deadlines, 'T12:t').due).toBe('2025-06-21'); // the transfer-in conference starts the review clock
    });
  });

  describe('T16 and T17 pre-birth', () => {
    it('wants a pre-birth conference within 15 days of a decision about an unborn child (Wirral)', () => {
      const deadlines = computeDeadlines([ev('s', 'strategy', '2025-03-03', { unborn: true })], wirral, '2025-03-04');
      expect(item(deadlines, 'T16:s').due).toBe('2025-03-18');
      expect(keys(deadlines, 'T1')).toEqual([]);
    });

    it('moves the due date to 16 weeks’ gestation when that is later', () => {
      // EDD 1 December 2025 is 40 weeks; 16 weeks' gestation is 24 weeks earlier, 16 June 2025.
      const strategy = ev('s', 'strategy', '2025-03-03', { unborn: true, edd: '2025-12-01' });
      const t16 = item(computeDeadlines([strategy], wirral, '2025-03-04'), 'T16:s');
      expect(t16).toMatchObject({ due: '2025-06-16', notBefore: '2025-06-16' });
      expect(t16.basis).toMatch(/Not before 16 weeks’ gestation \(2025-06-16\)\.$/);
    });

    it('keeps the 15-day date when 16 weeks’ gestation has passed', () => {
      const strategy = ev('s', 'strategy', '2025-03-03', { unborn: true, edd: '2025-07-01' });
      expect(item(computeDeadlines([strategy], wirral, '2025-03-04'), 'T16:s')).toMatchObject({ due: '2025-03-18', notBefore: '2025-01-14' });
    });

    it('lets the national profile meet T1 with a pre-birth conference', () => {
      const timeline = [ev('s', 'strategy', '2025-03-03', { unborn: true }), ev('p', 'pre-birth-conference', '2025-03-20')];
      expect(item(computeDeadlines(timeline, profile('national'), '2025-04-01'), 'T1:s').metBy).toBe('p');
    });

    it('holds the review to 3 months from the pre-birth conference until the birth is recorded', () => {
      const deadlines = computeDeadlines([ev('p', 'pre-birth-conference', '2025-03-03')], wirral, '2025-03-04');
      expect(item(deadlines, 'T17:p')).toMatchObject({ due: '2025-06-03', hangsOn: ['p'] });
      expect(keys(deadlines, 'T12')).toEqual([]);
    });

    it.each([
      ['2025-04-10', '2025-05-10'], // born early: 1 month after the birth is sooner
      ['2025-05-20', '2025-06-03'], // born later: the 3 months stand
    ])('once born on %s, wants the review by %s, whichever is sooner', (birth, due) => {
      const timeline = [ev('p', 'pre-birth-conference', '2025-03-03'), ev('b', 'birth', birth)];
      expect(item(computeDeadlines(timeline, wirral, '2025-03-04'), 'T17:p')).toMatchObject({ due, hangsOn: ['p', 'b'] });
    });
  });

  describe('T18 corrections to the minutes', () => {
    it('opens a window of 10 working days from receipt that never goes overdue', () => {
      const timeline = [ev('mr', 'minutes-received', '2025-03-03')];
      expect(item(computeDeadlines(timeline, wirral, '2025-03-10'), 'T18:mr')).toMatchObject({ nature: 'window', due: '2025-03-17', status: 'upcoming' });
      const closed = item(computeDeadlines(timeline, wirral, '2025-03-18'), 'T18:mr');
      expect(closed.status).toBe('met');
      expect(closed.metBy).toBeUndefined();
    });

    it('wants the chair’s answer within 15 working days of the minutes only when corrections were asked for', () => {
      const sent = ev('mc', 'minutes-circulated', '2025-02-28', { about: 'i' });
      const asked = ev('ar', 'amendment-requested', '2025-03-05', { about: 'i' });
      const answered = ev('aa', 'amendment-answered', '2025-03-20', { about: 'i' });
      expect(keys(computeDeadlines([sent], wirral, '2025-03-01'), 'T18')).toEqual([]);
      const deadlines = computeDeadlines([sent, asked, answered], wirral, '2025-04-01');
      expect(item(deadlines, 'T18:mc')).toMatchObject({ due: '2025-03-21', status: 'met', metBy: 'aa' });
    });
  });

  describe('T19 and T20', () => {
    it('reminds members to arrive early on the day of each booked conference from today on', () => {
      const timeline = [
        ev('r0', 'rcpc', '2025-02-03', { scheduled: true }),
        ev('i', 'icpc', '2025-03-07'),
        ev('r', 'rcpc', '2025-06-02', { scheduled: true }),
      ];
      const deadlines = computeDeadlines(timeline, wirral, '2025-05-01');
      expect(keys(deadlines, 'T19')).toEqual(['T19:r']);
      expect(item(deadlines, 'T19:r')).toMatchObject({ nature: 'reminder', due: '2025-06-02', status: 'upcoming' });
    });

    it('prompts the IRO to consider the plan at the first looked-after review (000)', () => {
      const scu = profile('partnership-responsibilities');
      const lac = ev('la', 'looked-after', '2025-03-03');
      expect(item(computeDeadlines([lac], scu, '2025-03-10'), 'T20:la')).toMatchObject({ nature: 'prompt', due: '2025-03-03', status: 'due-today' });
      const booked = computeDeadlines([lac, ev('lr', 'lac-review', '2025-03-24', { scheduled: true })], scu, '2025-03-10');
      expect(item(booked, 'T20:la')).toMatchObject({ due: '2025-03-24', status: 'upcoming', booked: { id: 'lr' } });
      const held = computeDeadlines([lac, ev('lr', 'lac-review', '2025-03-24')], scu, '2025-03-25');
      expect(item(held, 'T20:la')).toMatchObject({ status: 'met', metBy: 'lr' });
    });
  });

  describe('T21 plan actions', () => {
    it.each([
      [{ due: '2025-03-10', done: true }, '2025-03-20', 'met'], // done actions are met
      [{ due: '2025-03-10' }, '2025-03-11', 'overdue'],
      [{ due: '2025-03-12' }, '2025-03-10', 'due-soon'],
      [{ due: '2025-03-12' }, '2025-03-12', 'due-today'],
      [{ due: '2025-04-30' }, '2025-03-10', 'upcoming'],
    ])('an action %j is %s… on %s', (fields, today, status) => {
      const deadlines = computeDeadlines([ev('a', 'action', '2025-03-03', { ...fields, title: 'Book the paediatric assessment' })], wirral, today);
      expect(item(deadlines, 'T21:a')).toMatchObject({ status, due: fields.due, detail: 'Book the paediatric assessment', hangsOn: ['a'] });
    });

    it('skips actions with no due date, and open actions of a plan that has ended', () => {
      const timeline = [
        ev('a1', 'action', '2025-03-03'),
        ev('a2', 'action', '2025-03-03', { due: '2025-07-01' }),
        ev('a3', 'action', '2025-03-03', { due: '2025-05-01', done: true }),
        ev('r', 'rcpc', '2025-06-02', { endsPlan: true }),
      ];
      expect(keys(computeDeadlines(timeline, wirral, '2025-06-03'), 'T21')).toEqual(['T21:a3']);
    });
  });
});
