import { describe, expect, it } from 'vitest';
import { attendanceLabel, checkAttendeeDraft, membersNotListed, summariseAttendance } from '../../../lib/meetings/attendance.ts';

describe('membersNotListed', () => {
  it('offers only the members not already on the list', () => {
    const members = [{ id: 'm1' }, { id: 'm2' }, { id: 'm3' }];
    expect(membersNotListed(members, [{ memberId: 'm2' }, { memberId: '' }])).toEqual([{ id: 'm1' }, { id: 'm3' }]);
  });
});

describe('summariseAttendance', () => {
  it.each([
    [[], ''],
    [['present', 'present', 'apologies'], '2 present, 1 sent apologies'],
    [['absent', 'unknown'], '1 absent (no apologies)'],
  ])('%j → %s', (statuses, expected) => {
    expect(summariseAttendance(statuses.map((status) => ({ status })))).toBe(expected);
  });
});

describe('attendanceLabel', () => {
  it('reads each status in words and an unknown one as not recorded', () => {
    expect(attendanceLabel('apologies')).toBe('Sent apologies');
    expect(attendanceLabel('late')).toBe('Not recorded');
  });
});

describe('checkAttendeeDraft', () => {
  it.each([
    ['a member picked from the core group', { memberId: 'm1', name: '', agency: '', status: 'present' }, []],
    ['someone typed in', { memberId: '', name: 'Jo Bloggs', agency: 'Housing', status: 'apologies' }, []],
    ['nobody picked or typed', { memberId: '', name: ' ', agency: '', status: 'present' }, ['name']],
    ['an unknown status', { memberId: 'm1', name: '', agency: '', status: 'late' }, ['status']],
  ])('%s', (_name, draft, expected) => {
    expect(checkAttendeeDraft(draft).map((p) => p.field)).toEqual(expected);
  });
});
