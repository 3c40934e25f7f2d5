import { describe, expect, it } from 'vitest';
import { draftMinutes } from '../../../lib/chair/minutes-draft.ts';

describe('draftMinutes', () => {
  it('writes attendance, each item’s notes, the round, decisions, dissent, changes and new actions', () => {
    const lines = draftMinutes({
      title: 'Core group',
      date: '22 November 2026',
      present: [{ name: 'Sam Sample', agency: 'Children’s Social Care' }],
      apologies: [{ name: 'Pat Absent', agency: 'School' }],
      items: [{ title: 'Significant events', notes: 'Ava started at the new nursery.', minutes: 7 }, { title: 'Progress', notes: '', minutes: 0 }],
      views: [{ question: 'Scaling 0–10', name: 'Jo Example', agency: 'Health', view: '6', written: false }],
      decisions: ['The plan continues'],
      dissent: [{ who: 'Jo Example', agency: 'Health', reason: 'Would end the plan' }],
      changes: [{ change: 'Visits weekly', reason: 'More support at bedtime' }],
      newActions: [{ description: 'Book the parenting course', owner: 'Sam Sample', due: '2026-12-06' }],
    });
    expect(lines).toEqual([
      'Core group, 22 November 2026.',
      'Present: Sam Sample (Children’s Social Care).',
      'Apologies: Pat Absent (School).',
      '1. Significant events (7 min): Ava started at the new nursery.',
      '2. Progress: no notes recorded.',
      'Views on “Scaling 0–10”: Jo Example (Health): 6.',
      'Decisions: The plan continues.',
      'Dissent: Jo Example (Health): Would end the plan',
      'Change to the plan: Visits weekly (reason: More support at bedtime)',
      'New action: Book the parenting course — Sam Sample, by 2026-12-06.',
    ]);
  });

  it('writes a recommendation that the plan ends, its reasons, the review date asked for, and dissent from it', () => {
    const lines = draftMinutes({
      title: 'Core group',
      date: '1 March 2027',
      present: [],
      apologies: [],
      items: [],
      views: [],
      decisions: [],
      dissent: [],
      changes: [],
      newActions: [],
      endRecommendation: { reasons: 'Ava has been safe for six months.', reviewBy: '15 March 2027', dissent: [{ who: 'Jo Example', agency: 'Health', reason: 'Too soon.' }] },
    });
    expect(lines.slice(-2)).toEqual([
      'Recommendation to the review conference: the plan ends. Reasons: Ava has been safe for six months. The review conference is asked for by 15 March 2027.',
      'Dissent from the recommendation: Jo Example (Health): Too soon.',
    ]);
  });
});
