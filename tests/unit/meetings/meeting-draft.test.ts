import { describe, expect, it } from 'vitest';
import { checkMeetingWhen, checkRecordedDate } from '../../../lib/meetings/meeting-draft.ts';

const TODAY = '2026-11-22';

describe('checkMeetingWhen', () => {
  it.each([
    ['held in the past', { date: '2026-10-01', scheduled: false }],
    ['held today', { date: TODAY, scheduled: false }],
    ['scheduled for the future', { date: '2027-01-15', scheduled: true }],
    ['scheduled for today', { date: TODAY, scheduled: true }],
  ])('accepts a meeting %s', (_name, when) => {
    expect(checkMeetingWhen(when, TODAY)).toEqual([]);
  });

  it('refuses a missing date', () => {
    expect(checkMeetingWhen({ date: '', scheduled: false }, TODAY)).toEqual([
      { field: 'date', message: 'Enter the date of the meeting, with day, month and year.' },
    ]);
  });

  // 2026 is not a leap year, and no month has 32 days.
  it.each(['2026-02-29', '2026-01-32', '26-01-01', 'tomorrow'])('refuses %s, which is not a real date', (date) => {
    expect(checkMeetingWhen({ date, scheduled: true }, TODAY)[0]?.message).toBe(
      'The date of the meeting is not a real date. Check the day, month and year.',
    );
  });

  it('refuses a held meeting in the future and suggests “Scheduled”', () => {
    const [problem] = checkMeetingWhen({ date: '2026-11-23', scheduled: false }, TODAY);
    expect(problem?.field).toBe('date');
    expect(problem?.message).toContain('choose “Scheduled”');
  });
});

describe('checkRecordedDate', () => {
  it.each([
    ['empty (not done yet)', '', null],
    ['the day of the meeting', '2026-10-01', null],
    ['after the meeting', '2026-10-03', null],
    ['today', TODAY, null],
    ['not a real date', '2026-09-31', 'This is not a real date. Check the day, month and year.'],
    ['before the meeting', '2026-09-30', 'This date is before the meeting. Check the date.'],
    ['still to come', '2026-11-23', 'This date is still to come. Record it once it has happened.'],
  ])('%s', (_name, value, expected) => {
    expect(checkRecordedDate(value, '2026-10-01', TODAY)).toBe(expected);
  });

  it('skips the before-the-meeting check when the meeting has no date', () => {
    expect(checkRecordedDate('2026-01-01', '', TODAY)).toBeNull();
  });
});
