import { describe, expect, it } from 'vitest';
import { AgencyReport, Meeting, Outcome, planRoots, setPlanStatus } from '../../../lib/plan/index.ts';
import { EVENT_KIND_OF_MEETING, meetingKindOfEvent, planTimeline, recordsConference } from '../../../lib/due/plan-timeline.ts';
import { computeDeadlines } from '../../../lib/rules/deadlines/deadlines.ts';
import { getShippedProfile } from '../../../lib/rules/deadlines/profiles/index.ts';
import { addAction, addDecision, addMeeting, addReport, newPlan } from './plan-fixtures.ts';

/** The timeline without ids that are random (meeting and record ids): kind, date and flags. */
const shape = (events: ReturnType<typeof planTimeline>) =>
  events.map((event) => {
    const { id: _id, ...rest } = event as typeof event & { about?: string };
    return rest.about ? { ...rest, about: 'meeting' } : rest;
  });

describe('planTimeline', () => {
  it.each([
    ['strategy', 'strategy'],
    ['icpc', 'icpc'],
    ['core-group', 'core-group'],
    ['rcpc', 'rcpc'],
    ['transfer-in', 'transfer-in-conference'],
    ['pre-birth', 'pre-birth-conference'],
    ['visit', 'visit'],
  ] as const)('turns a %s meeting into a %s event', (kind, eventKind) => {
    const doc = newPlan();
    const id = addMeeting(doc, kind, '2026-03-02');
    expect(planTimeline(doc).find((e) => e.id === id)).toMatchObject({ kind: eventKind, date: '2026-03-02' });
    expect(EVENT_KIND_OF_MEETING[kind]).toBe(eventKind);
    expect(meetingKindOfEvent(eventKind)).toBe(kind);
  });

  it('marks booked meetings scheduled and gives them no circulation records', () => {
    const doc = newPlan({ children: [{ name: 'Ava', dob: '' }] });
    addMeeting(doc, 'rcpc', '2026-06-01', { scheduled: true, minutesCirculated: '2026-06-05' });
    expect(shape(planTimeline(doc))).toEqual([{ kind: 'rcpc', date: '2026-06-01', scheduled: true }]);
  });

  it('records when a conference’s plan and minutes went out and were received, about that conference', () => {
    const doc = newPlan({ children: [{ name: 'Ava', dob: '' }] });
    const icpc = addMeeting(doc, 'icpc', '2026-03-02', { planCirculated: '2026-03-03', minutesCirculated: '2026-03-20', minutesReceived: '2026-03-21' });
    const events = planTimeline(doc);
    expect(events.map((e) => [e.kind, e.date, 'about' in e ? e.about : undefined])).toEqual([
      ['icpc', '2026-03-02', undefined],
      ['plan-circulated', '2026-03-03', icpc],
      ['minutes-circulated', '2026-03-20', icpc],
      ['minutes-received', '2026-03-21', icpc],
    ]);
  });

  it('calls a core group’s minutes its notes (T11 counts notes, T3 conference minutes)', () => {
    const doc = newPlan({ children: [{ name: 'Ava', dob: '' }] });
    addMeeting(doc, 'core-group', '2026-03-16', { minutesCirculated: '2026-03-18', minutesReceived: '2026-03-19' });
    expect(planTimeline(doc).map((e) => e.kind)).toEqual(['core-group', 'notes-circulated']);
  });

  it.each([
    ['not a real date', '2026-02-30'],
    ['empty', ''],
    ['a year typed with five digits', '20026-03-02'],
    ['a year before 1900', '1026-03-02'],
  ])('leaves out a meeting whose date is %s', (_what, date) => {
    const doc = newPlan({ children: [{ name: 'Ava', dob: '' }] });
    addMeeting(doc, 'icpc', date);
    expect(planTimeline(doc)).toEqual([]);
  });

  it('leaves out removed meetings and their reports, and meetings of a kind this version does not know', () => {
    const doc = newPlan({ children: [{ name: 'Ava', dob: '' }] });
    const list = planRoots(doc).meetings;
    const gone = addMeeting(doc, 'icpc', '2026-03-02');
    addReport(doc, gone, { date: '2026-02-25' });
    Meeting.remove(doc, list, gone);
    addMeeting(doc, 'family-meeting' as never, '2026-03-03');
    expect(planTimeline(doc)).toEqual([]);
  });

  it('turns agency reports into reports to the chair and reports shared with the parent', () => {
    const doc = newPlan({ children: [{ name: 'Ava', dob: '' }] });
    const icpc = addMeeting(doc, 'icpc', '2026-03-02');
    addReport(doc, icpc, { date: '2026-02-24', sharedWithParentOn: '2026-02-26' });
    addReport(doc, icpc, { date: '' });
    expect(shape(planTimeline(doc))).toEqual([
      { kind: 'icpc', date: '2026-03-02' },
      { kind: 'report-submitted', date: '2026-02-24', about: 'meeting' },
      { kind: 'report-shared', date: '2026-02-26', about: 'meeting' },
    ]);
  });

  it('ignores a sharing date once the report is marked not shared', () => {
    const doc = newPlan({ children: [{ name: 'Ava', dob: '' }] });
    const icpc = addMeeting(doc, 'icpc', '2026-03-02');
    const report = addReport(doc, icpc, { sharedWithParentOn: '2026-02-26' });
    AgencyReport.set(doc, planRoots(doc).reports, report, 'sharedWithParent', false);
    expect(planTimeline(doc).map((e) => e.kind)).toEqual(['icpc']);
  });

  it('adds each child’s birth', () => {
    const doc = newPlan({ children: [{ name: 'Ava', dob: '2019-03-14' }, { name: 'Leo', edd: '2026-08-01' }] });
    expect(shape(planTimeline(doc))).toEqual([{ kind: 'birth', date: '2019-03-14' }]);
  });

  it.each([
    // [children, strategy date, expected flags]
    ['every child unborn', [{ name: 'Baby', edd: '2026-09-10' }], '2026-03-02', { unborn: true, edd: '2026-09-10' }],
    ['the earliest expected date of twins', [{ name: 'A', edd: '2026-09-10' }, { name: 'B', edd: '2026-09-03' }], '2026-03-02', { unborn: true, edd: '2026-09-03' }],
    ['a child born since the discussion', [{ name: 'Baby', dob: '2026-05-01' }], '2026-03-02', { unborn: true, edd: '2026-05-01' }],
    ['a child born before it', [{ name: 'Ava', dob: '2019-03-14' }, { name: 'Baby', edd: '2026-09-10' }], '2026-03-02', {}],
  ])('reads a strategy discussion as about an unborn child from the children: %s', (_what, children, date, flags) => {
    const doc = newPlan({ children });
    addMeeting(doc, 'strategy', date);
    const strategy = planTimeline(doc).find((e) => e.kind === 'strategy')!;
    expect({ unborn: 'unborn' in strategy ? strategy.unborn : undefined, edd: 'edd' in strategy ? strategy.edd : undefined })
      .toEqual({ unborn: undefined, edd: undefined, ...flags });
  });

  it.each([
    ['Child protection plan ends: child in need plan', true],
    ['Case closed (exceptional; record the rationale)', true],
    ['No child protection plan: early help', true],
    ['Child protection plan continues', false],
  ])('reads the decision “%s” as ending the plan: %s', (text, ends) => {
    const doc = newPlan();
    const rcpc = addMeeting(doc, 'rcpc', '2026-06-01');
    addDecision(doc, rcpc, text);
    const event = planTimeline(doc).find((e) => e.id === rcpc)!;
    expect('endsPlan' in event && event.endsPlan === true).toBe(ends);
  });

  it('ends the plan at the last held conference on or before the date a plan marked ended ended', () => {
    const doc = newPlan();
    const icpc = addMeeting(doc, 'icpc', '2026-03-02');
    const rcpc = addMeeting(doc, 'rcpc', '2026-06-01');
    addMeeting(doc, 'rcpc', '2026-12-01', { scheduled: true });
    setPlanStatus(doc, { status: 'ended', endReason: 'no-longer-at-risk', endedOn: '2026-06-10' });
    const flags = Object.fromEntries(planTimeline(doc).filter((e) => e.kind === 'icpc' || e.kind === 'rcpc').map((e) => [e.id, 'endsPlan' in e && e.endsPlan]));
    expect(flags[icpc]).toBe(false);
    expect(flags[rcpc]).toBe(true);
  });

  it('turns actions with a due date into actions, done when their status is done, set when the plan was created', () => {
    const doc = newPlan({ createdAt: '2026-03-02', children: [{ name: 'Ava', dob: '' }] });
    addAction(doc, { description: 'Health visitor visits weekly', dueDate: '2026-04-01' });
    addAction(doc, { description: 'Parenting course', dueDate: '2026-05-01', status: 'done' });
    addAction(doc, { description: 'No date yet', dueDate: '' });
    addAction(doc, { description: 'Due before the plan was made here', dueDate: '2026-02-20' });
    expect(shape(planTimeline(doc))).toEqual([
      { kind: 'action', date: '2026-03-02', due: '2026-04-01', title: 'Health visitor visits weekly' },
      { kind: 'action', date: '2026-03-02', due: '2026-05-01', title: 'Parenting course', done: true },
      { kind: 'action', date: '2026-02-20', due: '2026-02-20', title: 'Due before the plan was made here' },
    ]);
  });

  it('gives the engine a timeline it accepts, with a deadline for each thing the plan records', () => {
    const doc = newPlan({ profileId: 'wirral-2016' });
    const icpc = addMeeting(doc, 'icpc', '2026-03-02', { planCirculated: '2026-03-03' });
    addMeeting(doc, 'core-group', '2026-03-13');
    addAction(doc, { description: 'Health visitor visits weekly', dueDate: '2026-04-01' });
    addReport(doc, icpc, { date: '2026-02-24', sharedWithParentOn: '2026-02-26' });
    const deadlines = computeDeadlines(planTimeline(doc), getShippedProfile('wirral-2016')!, '2026-03-20');
    const byRule = Object.fromEntries(deadlines.map((d) => [d.key.split(':')[0], d.status]));
    expect(byRule).toMatchObject({ T2: 'met', T4: 'met', T6: 'met', T8: 'met', T21: 'upcoming' });
  });
});

describe('recordsConference', () => {
  it('is false until a conference is held or booked, whatever else the plan records', () => {
    const doc = newPlan();
    addMeeting(doc, 'strategy', '2026-01-02');
    addMeeting(doc, 'core-group', '2026-01-20');
    expect(recordsConference(planTimeline(doc))).toBe(false);
    addMeeting(doc, 'icpc', '2026-02-10', { scheduled: true });
    expect(recordsConference(planTimeline(doc))).toBe(true);
  });

  it('counts a pre-birth or transfer-in conference, and not a removed one or one without a real date', () => {
    for (const kind of ['pre-birth', 'transfer-in'] as const) {
      const doc = newPlan();
      addMeeting(doc, kind, '2026-01-10');
      expect(recordsConference(planTimeline(doc))).toBe(true);
    }
    const doc = newPlan();
    const id = addMeeting(doc, 'icpc', '2026-01-10');
    addMeeting(doc, 'icpc', '');
    Meeting.remove(doc, planRoots(doc).meetings, id);
    expect(recordsConference(planTimeline(doc))).toBe(false);
  });
});

describe('planTimeline with records from an odd peer', () => {
  it('reads a meeting without a decisions list and an outcome without an actions list', () => {
    const doc = newPlan({ children: [{ name: 'Ava', dob: '' }] });
    const icpc = addMeeting(doc, 'icpc', '2026-03-02');
    addAction(doc, { description: 'Visit weekly', dueDate: '2026-04-01' });
    // A peer's records written without the nested lists (not through the plan's commands).
    doc.transact(() => {
      Meeting.liveMaps(planRoots(doc).meetings).find((m) => m.get('id') === icpc)!.delete('decisions');
      Outcome.liveMaps(planRoots(doc).outcomes)[0]!.delete('actions');
    });
    expect(planTimeline(doc).map((e) => e.kind)).toEqual(['icpc']);
  });
});
