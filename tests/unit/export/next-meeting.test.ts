import { describe, expect, it } from 'vitest';
import { nextMeeting } from '../../../lib/export/next-meeting.ts';

const m = (id: string, date: string, scheduled = true) => ({ id, kind: 'core-group', date, scheduled });

describe('nextMeeting', () => {
  it('is the earliest booked meeting from today on', () => {
    expect(nextMeeting([m('a', '2026-07-01'), m('b', '2026-06-10'), m('c', '2026-06-01', false)], '2026-06-01')?.id).toBe('b');
  });

  it('counts a meeting booked for today', () => {
    expect(nextMeeting([m('a', '2026-06-01')], '2026-06-01')?.id).toBe('a');
  });

  it('skips held meetings, past bookings and dates that are not real', () => {
    expect(nextMeeting([m('held', '2026-07-01', false), m('past', '2026-05-01'), m('bad', '2026-02-30'), m('none', '')], '2026-06-01')).toBeUndefined();
  });
});
