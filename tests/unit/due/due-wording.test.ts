import { describe, expect, it } from 'vitest';
import type { Deadline } from '../../../lib/rules/deadlines/deadline.ts';
import type { TimelineEvent } from '../../../lib/rules/deadlines/timeline.ts';
import { describeEvent, dueWhen, holidayNote, progressNote } from '../../../lib/due/due-wording.ts';

const base: Deadline = {
  key: 'T8:i', ruleId: 'T8', nature: 'deadline', title: 'First core group', due: '2026-03-16', status: 'upcoming',
  basis: 'First core group within 10 working days of the initial conference (Working Together 2023, chapter 3).',
  source: 'Working Together', hangsOn: ['i'],
};
const timeline: TimelineEvent[] = [
  { id: 'i', kind: 'icpc', date: '2026-03-02' },
  { id: 'cg', kind: 'core-group', date: '2026-03-13' },
  { id: 'cg2', kind: 'core-group', date: '2026-03-20', scheduled: true },
];

describe('dueWhen', () => {
  it.each([
    [{ status: 'upcoming' }, 'Due Monday 16 March 2026'],
    [{ status: 'overdue' }, 'Was due Monday 16 March 2026'],
    [{ status: 'due-today' }, 'Due today, Monday 16 March 2026'],
    [{ nature: 'window', status: 'upcoming' }, 'Open until Monday 16 March 2026'],
    [{ nature: 'window', status: 'met' }, 'Closed Monday 16 March 2026'],
    [{ nature: 'reminder', status: 'due-today' }, 'On the day: Monday 16 March 2026'],
  ] as const)('reads %o as “%s”', (change, words) => {
    expect(dueWhen({ ...base, ...change })).toBe(words);
  });
});

describe('holidayNote', () => {
  it('says nothing for published bank holidays, and warns for computed ones', () => {
    expect(holidayNote(undefined)).toBe('');
    expect(holidayNote('official')).toBe('');
    expect(holidayNote('computed-data')).toMatch(/computed bank holidays/);
    expect(holidayNote('computed-rules')).toMatch(/computed from the standing rules/);
  });
});

describe('progressNote', () => {
  it.each([
    [{ metBy: 'cg', status: 'met' }, 'Done: Core group meeting, 13 March 2026.'],
    [{ metLateBy: 'cg', status: 'overdue' }, 'Happened late: Core group meeting, 13 March 2026.'],
    [{ booked: { id: 'cg2', date: '2026-03-20', inTime: false } }, 'Booked: Core group meeting, 20 March 2026, which is after the date it is due.'],
    [{ booked: { id: 'cg2', date: '2026-03-13', inTime: true } }, 'Booked: Core group meeting, 20 March 2026. Mark it held once it has happened.'],
    [{}, ''],
  ] as const)('says what happened about an item: %o', (change, words) => {
    expect(progressNote({ ...base, ...change } as Deadline, timeline)).toBe(words);
  });

  it('says only whether an action is done', () => {
    expect(progressNote({ ...base, ruleId: 'T21', metBy: 'a' }, timeline)).toBe('Marked done.');
    expect(progressNote({ ...base, ruleId: 'T21' }, timeline)).toBe('');
  });
});

describe('describeEvent', () => {
  it('names an event by its kind and date, and nothing for an id it does not hold', () => {
    expect(describeEvent('i', timeline)).toBe('Initial child protection conference, 2 March 2026');
    expect(describeEvent('missing', timeline)).toBeUndefined();
  });
});
