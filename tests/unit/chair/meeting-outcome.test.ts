import { describe, expect, it } from 'vitest';
import { closedVersionName, whatWasRecorded, type MeetingOutcome } from '../../../lib/chair/meeting-outcome.ts';
import { checkVersionName } from '../../../lib/history/versions.ts';

const nothing: MeetingOutcome = { label: 'Core group meeting', date: '3 December 2026', decisions: 0, changes: 0, newActions: 0, recommendsEnd: false };

describe('closedVersionName', () => {
  it('names a meeting that agreed nothing “closed”, never “as agreed”', () => {
    expect(closedVersionName(nothing)).toBe('Core group meeting, 3 December 2026 — closed');
    expect(closedVersionName(nothing)).not.toMatch(/agreed/i);
  });

  it('says what was recorded when something was', () => {
    expect(closedVersionName({ ...nothing, decisions: 2, newActions: 1 })).toBe('Core group meeting, 3 December 2026 — closed: 2 decisions, 1 new action');
    expect(closedVersionName({ ...nothing, decisions: 1, changes: 2, newActions: 3, recommendsEnd: true })).toBe(
      'Core group meeting, 3 December 2026 — closed: 1 decision, 2 plan changes, 3 new actions, end of plan recommended',
    );
  });

  it('leaves out a missing date, and always makes a name a version may have', () => {
    expect(closedVersionName({ ...nothing, date: '' })).toBe('Core group meeting — closed');
    const longest = { ...nothing, label: 'Review child protection conference', date: '30 September 2026', decisions: 12, changes: 12, newActions: 12, recommendsEnd: true };
    expect(checkVersionName(closedVersionName(longest))).toEqual([]);
    expect(closedVersionName({ ...longest, decisions: 1234567890123 })).toBe('Review child protection conference, 30 September 2026 — closed');
  });
});

describe('whatWasRecorded', () => {
  it('is empty when nothing was recorded', () => {
    expect(whatWasRecorded(nothing)).toBe('');
    expect(whatWasRecorded({ ...nothing, changes: 1 })).toBe('1 change to the plan');
    expect(whatWasRecorded({ ...nothing, decisions: 2, newActions: 1, recommendsEnd: true })).toBe('2 decisions, 1 new action and a recommendation that the plan ends');
  });
});
