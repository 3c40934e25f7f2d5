/** The engine's contract: statuses, order, options, purity and errors. Rule by rule: deadline-drafts.test.ts. */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Deadline } from '../../../../lib/rules/deadlines/deadline.ts';
import { computeDeadlines } from '../../../../lib/rules/deadlines/deadlines.ts';
import { FIRST_DAY, daysFromCivil, formatDayNumber, tryParseIsoDate } from '../../../../lib/dates/iso-date.ts';
import { SHIPPED_PROFILES, cloneProfile, getShippedProfile, type Profile } from '../../../../lib/rules/deadlines/profiles/index.ts';
import { EVENT_KINDS, type TimelineEvent } from '../../../../lib/rules/deadlines/timeline.ts';

const ev = (id: string, kind: string, date: string, extra: object = {}) => ({ id, kind, date, ...extra }) as TimelineEvent;
const wirral = getShippedProfile('wirral-2016')!;
const action = (due: string) => [ev('a', 'action', '2025-03-01', { due })];
const only = (deadlines: Deadline[]) => {
  expect(deadlines).toHaveLength(1);
  return deadlines[0]!;
};

describe('computeDeadlines', () => {
  describe('status by date', () => {
    it.each([
      ['2025-03-13', 'overdue'], // the day after the due date
      ['2025-03-12', 'due-today'],
      ['2025-03-11', 'due-soon'],
      ['2025-03-10', 'due-soon'], // due within 2 working days
      ['2025-03-07', 'upcoming'], // Friday: 3 working days ahead
      ['2025-03-08', 'upcoming'], // Saturday: the 2 working days ahead are Monday and Tuesday only
    ])('an item due Wednesday 12 March 2025 is, on %s, %s', (today, status) => {
      expect(only(computeDeadlines(action('2025-03-12'), wirral, today)).status).toBe(status);
    });

    it('counts "due soon" in working days, over Christmas', () => {
      // From Wednesday 24 December 2025 the next two working days are Monday 29 and Tuesday 30.
      expect(only(computeDeadlines(action('2025-12-30'), wirral, '2025-12-24')).status).toBe('due-soon');
      expect(only(computeDeadlines(action('2025-12-31'), wirral, '2025-12-24')).status).toBe('upcoming');
    });

    it.each([
      [0, '2025-03-11', 'upcoming'],
      [5, '2025-03-05', 'due-soon'],
    ])('takes dueSoonDays = %i: on %s it is %s', (dueSoonDays, today, status) => {
      expect(only(computeDeadlines(action('2025-03-12'), wirral, today, { dueSoonDays })).status).toBe(status);
    });
  });

  it('sorts overdue items first, then by due date, then by rule number', () => {
    const timeline = [
      ev('s', 'strategy', '2025-03-03'), // T1 due 24 March: overdue on 1 April
      ev('a1', 'action', '2025-03-03', { due: '2025-05-01' }),
      ev('a2', 'action', '2025-03-03', { due: '2025-03-20' }), // overdue, earlier than T1
      ev('v', 'visit', '2025-04-10'), // T14 due 1 May, like a1
    ];
    const deadlines = computeDeadlines(timeline, wirral, '2025-04-01');
    expect(deadlines.map((d) => [d.key, d.status])).toEqual([
      ['T21:a2', 'overdue'],
      ['T1:s', 'overdue'],
      ['T14:v', 'upcoming'],
      ['T21:a1', 'upcoming'],
    ]);
  });

  it('uses the division’s bank holidays (Scotland works Easter Monday)', () => {
    const strategy = [ev('s', 'strategy', '2026-03-20')];
    expect(only(computeDeadlines(strategy, getShippedProfile('national')!, '2026-03-21')).due).toBe('2026-04-14');
    expect(only(computeDeadlines(strategy, getShippedProfile('national')!, '2026-03-21', { division: 'scotland' })).due).toBe('2026-04-13');
  });

  it('says when a working-day count rests on computed bank holidays', () => {
    const national = getShippedProfile('national')!;
    expect(only(computeDeadlines([ev('s', 'strategy', '2025-03-03')], national, '2025-03-04')).holidays).toBe('official');
    expect(only(computeDeadlines([ev('s', 'strategy', '2029-03-05')], national, '2025-03-04')).holidays).toBe('computed-data');
    expect(only(computeDeadlines([ev('s', 'strategy', '2031-12-19')], national, '2025-03-04')).holidays).toBe('computed-rules');
    expect(only(computeDeadlines([ev('r', 'rcpc', '2031-12-19')], national, '2025-03-04')).holidays).toBeUndefined(); // months
  });

  it('respects dayZero: with "nextDay" the event day is day 1', () => {
    const dayOne: Profile = { ...cloneProfile(wirral, 'wirral-day-one', 'Wirral, day one'), dayZero: 'nextDay' };
    const strategy = [ev('s', 'strategy', '2025-03-03')];
    expect(computeDeadlines(strategy, wirral, '2025-03-04').find((d) => d.ruleId === 'T1')?.due).toBe('2025-03-24');
    expect(computeDeadlines(strategy, dayOne, '2025-03-04').find((d) => d.ruleId === 'T1')?.due).toBe('2025-03-21');
  });

  it('never lets a booked meeting meet a deadline, but reports whether it is booked in time', () => {
    const timeline = [ev('s', 'strategy', '2025-03-03'), ev('i', 'icpc', '2025-03-20', { scheduled: true })];
    const t1 = computeDeadlines(timeline, wirral, '2025-03-04').find((d) => d.ruleId === 'T1')!;
    expect(t1).toMatchObject({ status: 'upcoming', booked: { id: 'i', date: '2025-03-20', inTime: true } });
    expect(t1.metBy).toBeUndefined();
  });

  it('leaves out items due before `since`', () => {
    const timeline = [ev('a1', 'action', '2025-01-01', { due: '2025-02-01' }), ev('a2', 'action', '2025-01-01', { due: '2025-04-01' })];
    expect(computeDeadlines(timeline, wirral, '2025-03-01', { since: '2025-03-01' }).map((d) => d.key)).toEqual(['T21:a2']);
  });

  it('skips a rule with validation errors and keeps the rest', () => {
    const broken = cloneProfile(wirral, 'broken', 'Broken');
    broken.rules[0] = { ...broken.rules[0]!, figure: -1 }; // T1
    const deadlines = computeDeadlines([ev('s', 'strategy', '2025-03-03'), ...action('2025-04-01')], broken, '2025-03-04');
    expect(deadlines.map((d) => d.ruleId)).toEqual(['T21']);
  });

  it('keeps keys unique when a user profile repeats a rule', () => {
    const doubled = cloneProfile(wirral, 'doubled', 'Doubled');
    doubled.rules.push({ ...doubled.rules[0]!, figure: 10 });
    const keys = computeDeadlines([ev('s', 'strategy', '2025-03-03')], doubled, '2025-03-04').map((d) => d.key);
    expect(keys.sort()).toEqual(['T1:s', 'T1:s#2']);
  });

  it('gives every item a basis citing its source, and the source itself', () => {
    const [t1] = computeDeadlines([ev('s', 'strategy', '2025-03-03')], wirral, '2025-03-04');
    expect(t1).toMatchObject({
      basis: 'Initial child protection conference within 15 working days of the strategy discussion (Wirral 2016, 2.6, 3.2).',
      source: 'Wirral Safeguarding Children Board, Multi-agency Standards for Child Protection (2016), 2.6, 3.2',
      title: 'Initial child protection conference',
    });
  });

  it.each([
    [() => computeDeadlines([], wirral, '2025-02-30'), /today/],
    [() => computeDeadlines([], wirral, '2025-03-01', { division: 'wales' as never }), /options\.division/],
    [() => computeDeadlines([], wirral, '2025-03-01', { dueSoonDays: -1 }), /options\.dueSoonDays/],
    [() => computeDeadlines([], wirral, '2025-03-01', { since: 'March' }), /options\.since/],
    [() => computeDeadlines([ev('a', 'icpc', '2025-03-01'), ev('b', 'visit', '3 March')], wirral, '2025-03-01'), /timeline\[1\]\.date/],
    [() => computeDeadlines([], { ...wirral, dayZero: 'later' } as never, '2025-03-01'), /dayZero/],
    [() => computeDeadlines([], null as never, '2025-03-01'), /profile/],
  ])('throws a RangeError naming what the caller got wrong (%#)', (call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });

  describe('purity', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('never reads the clock', () => {
      const timeline = [ev('s', 'strategy', '2025-03-03'), ...action('2025-03-12')];
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2020-01-01T12:00:00Z'));
      const first = computeDeadlines(timeline, wirral, '2025-03-10');
      vi.setSystemTime(new Date('2035-06-01T12:00:00Z'));
      expect(computeDeadlines(timeline, wirral, '2025-03-10')).toEqual(first);
    });

    it('does not change its arguments', () => {
      const timeline = Object.freeze([Object.freeze(ev('s', 'strategy', '2025-03-03')), Object.freeze(ev('i', 'icpc', '2025-03-20'))]);
      expect(() => computeDeadlines(timeline, wirral, '2025-04-01')).not.toThrow();
    });
  });

  describe('properties over random timelines', () => {
    const start = daysFromCivil(2024, 9, 1);
    const TODAY = formatDayNumber(start + 200);
    const event = fc.record({
      kind: fc.constantFrom(...EVENT_KINDS),
      scheduled: fc.boolean(),
      endsPlan: fc.oneof(fc.constant(undefined), fc.boolean()),
      startsS47: fc.oneof(fc.constant(undefined), fc.boolean()),
      unborn: fc.oneof(fc.constant(undefined), fc.boolean()),
      about: fc.oneof(fc.constant(undefined), fc.nat(40)),
      due: fc.integer({ min: 0, max: 60 }),
      done: fc.boolean(),
    });
    const timelines = fc
      .uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 40 })
      .chain((days) => fc.tuple(fc.constant(days), fc.array(event, { minLength: days.length, maxLength: days.length })))
      .map(([days, events]) =>
        events.map((e, i): TimelineEvent => {
          const date = formatDayNumber(start + days[i]!);
          if (e.kind === 'action') return { id: `e${i}`, kind: 'action', date, due: formatDayNumber(start + days[i]! + e.due), done: e.done };
          return {
            id: `e${i}`, kind: e.kind, date, scheduled: e.scheduled, endsPlan: e.endsPlan, startsS47: e.startsS47,
            unborn: e.unborn, about: e.about === undefined ? undefined : `e${e.about}`,
          };
        }),
      );
    const profiles = fc.constantFrom(...SHIPPED_PROFILES);

    it('holds the contract’s invariants for every shipped profile', () => {
      fc.assert(
        fc.property(timelines, profiles, (timeline, profile) => {
          const deadlines = computeDeadlines(timeline, profile, TODAY);
          const ids = new Set(timeline.map((e) => e.id));
          expect(new Set(deadlines.map((d) => d.key)).size).toBe(deadlines.length);
          for (const d of deadlines) {
            expect(tryParseIsoDate(d.due)).toBeGreaterThanOrEqual(FIRST_DAY);
            expect(d.hangsOn.every((id) => ids.has(id))).toBe(true);
            if (d.metBy !== undefined) expect(d.status).toBe('met');
            if (d.status === 'met') expect(d.metBy !== undefined || d.nature === 'window').toBe(true);
            if (d.status === 'overdue') expect(d.due < TODAY && d.nature === 'deadline').toBe(true);
            if (d.status === 'upcoming' || d.status === 'due-soon') expect(d.due > TODAY).toBe(true);
            if (d.metLateBy !== undefined) expect(d.metBy).toBeUndefined();
          }
          const overdue = deadlines.filter((d) => d.status === 'overdue').length;
          expect(deadlines.slice(0, overdue).every((d) => d.status === 'overdue')).toBe(true);
          for (const part of [deadlines.slice(0, overdue), deadlines.slice(overdue)]) {
            expect(part.map((d) => d.due)).toEqual(part.map((d) => d.due).sort());
          }
        }),
        { numRuns: 200 },
      );
    });

    it('does not depend on the order the timeline lists its events in', () => {
      fc.assert(
        fc.property(timelines.chain((t) => fc.tuple(fc.constant(t), fc.shuffledSubarray(t, { minLength: t.length }))), profiles, ([timeline, shuffled], profile) => {
          expect(computeDeadlines(shuffled, profile, TODAY)).toEqual(computeDeadlines(timeline, profile, TODAY));
        }),
        { numRuns: 100 },
      );
    });
  });
});
