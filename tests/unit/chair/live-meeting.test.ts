import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agendaFor } from '../../../lib/chair/agendas.ts';
import {
  addAgendaItem, closeMeeting, goToItem, moveAgendaItem, newActionIds, readLiveMeeting, recordView, setRoundQuestion, startMeeting,
} from '../../../lib/chair/live-meeting.ts';
import { Action, Meeting, Outcome, planRoots } from '../../../lib/plan/index.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

const start = (doc: Y.Doc) => startMeeting(doc, { kind: 'core-group', date: '2026-11-22', now: '2026-11-22T10:00:00Z', agenda: agendaFor('core-group') });

describe('agendaFor', () => {
  it('gives a core group the four standing items of seed 002, each with prompts and a section', () => {
    const agenda = agendaFor('core-group');
    expect(agenda.map((i) => i.title)).toEqual([
      'Significant events since the last meeting',
      'Progress against the plan’s outcomes',
      'Current strengths, protective factors, concerns and risks',
      'New tasks and actions, with timescales',
    ]);
    expect(agenda[1]!.prompts.join(' ')).toMatch(/court orders.*contingency plan.*permanency/s);
    expect(agenda.every((i) => i.prompts.length > 0)).toBe(true);
  });

  it('gives a conference its set format (Wirral 3.9), ending with decision, category and plan', () => {
    expect(agendaFor('icpc').slice(-3).map((i) => i.title)).toEqual(['Decision', 'Category of abuse or neglect', 'The plan']);
  });

  it('returns a fresh copy each time, so a chair’s changes never alter the template', () => {
    agendaFor('rcpc')[0]!.prompts.push('changed');
    expect(agendaFor('rcpc')[0]!.prompts).not.toContain('changed');
  });
});

describe('startMeeting / readLiveMeeting', () => {
  it('puts the running meeting, its agenda and current item into the plan, for every member to see', () => {
    const [chair, member] = connectedPeers().docs;
    const id = start(chair!);
    const live = readLiveMeeting(member!);
    expect(live?.id).toBe(id);
    expect(live?.agenda).toHaveLength(4);
    expect(live?.currentItemId).toBe(live?.agenda[0]!.id);
  });

  it('holds a booked meeting instead of adding another', () => {
    const doc = new Y.Doc();
    const booked = Meeting.add(doc, planRoots(doc).meetings, { kind: 'core-group', date: '2026-11-22', scheduled: true });
    expect(startMeeting(doc, { kind: 'core-group', date: '2026-11-22', now: '2026-11-22T10:00:00Z', agenda: agendaFor('core-group'), meetingId: booked })).toBe(booked);
    expect(Meeting.readAll(planRoots(doc).meetings)).toHaveLength(1);
    expect(Meeting.readAll(planRoots(doc).meetings)[0]).toMatchObject({ scheduled: false, live: true });
  });
});

describe('goToItem', () => {
  it('adds the time spent to the item left behind', () => {
    const doc = new Y.Doc();
    const id = start(doc);
    const [first, second] = readLiveMeeting(doc)!.agenda;
    goToItem(doc, { meetingId: id, itemId: second!.id, now: '2026-11-22T10:07:30Z' });
    goToItem(doc, { meetingId: id, itemId: first!.id, now: '2026-11-22T10:10:00Z' });
    const agenda = readLiveMeeting(doc)!.agenda;
    expect(agenda[0]!.spentSeconds).toBe(450);
    expect(agenda[1]!.spentSeconds).toBe(150);
    expect(readLiveMeeting(doc)!.currentItemId).toBe(first!.id);
  });
});

describe('addAgendaItem / moveAgendaItem', () => {
  it('lets the chair add an item and move it up the agenda', () => {
    const doc = new Y.Doc();
    const id = start(doc);
    const added = addAgendaItem(doc, { meetingId: id, title: ' Court update ' })!;
    moveAgendaItem(doc, { meetingId: id, itemId: added, to: 1 });
    expect(readLiveMeeting(doc)!.agenda.map((i) => i.title)[1]).toBe('Court update');
  });
});

describe('recordView', () => {
  it('collects each member’s view in a round, one per member per question, written views marked', () => {
    const [chair, member] = connectedPeers().docs;
    const id = start(chair!);
    const question = 'Is Ava still at risk of significant harm?';
    setRoundQuestion(chair!, { meetingId: id, question });
    recordView(member!, { meetingId: id, question, memberId: 'm1', name: 'Jo Example', agency: 'Health', view: 'Yes, less than before.' });
    recordView(member!, { meetingId: id, question, memberId: 'm1', name: 'Jo Example', agency: 'Health', view: 'Yes.' });
    recordView(chair!, { meetingId: id, question, memberId: 'm2', name: 'Pat Absent', agency: 'School', view: 'No concerns at school.', written: true });
    const live = readLiveMeeting(chair!)!;
    expect(live.roundQuestion).toBe(question);
    expect(live.views.map((v) => [v.name, v.view, v.written])).toEqual([['Jo Example', 'Yes.', false], ['Pat Absent', 'No concerns at school.', true]]);
  });
});

describe('newActionIds / closeMeeting', () => {
  it('knows which actions were added during the meeting, and closing writes the minutes draft once', () => {
    const doc = new Y.Doc();
    const outcomes = planRoots(doc).outcomes;
    const outcomeId = Outcome.add(doc, outcomes, { statement: 'Ava is safe at home' });
    const actions = Outcome.list(outcomes.get(0), 'actions');
    Action.add(doc, actions, { description: 'Existing action' });
    const id = start(doc);
    const added = Action.add(doc, actions, { description: 'New action from today' });
    expect(newActionIds(doc, id)).toEqual([added]);
    closeMeeting(doc, { meetingId: id, now: '2026-11-22T11:00:00Z', minutesDraft: ['Core group, 22 November 2026.', 'Present: Sam.'] });
    expect(readLiveMeeting(doc)).toBeNull();
    const meeting = Meeting.liveMaps(planRoots(doc).meetings)[0]!;
    expect(Meeting.fragment(meeting, 'minutes').toString()).toContain('Present: Sam.');
    expect(outcomeId).toBeTruthy();
  });

  it('never overwrites minutes a minute-taker has already written', () => {
    const doc = new Y.Doc();
    const id = start(doc);
    const minutes = Meeting.fragment(Meeting.liveMaps(planRoots(doc).meetings)[0]!, 'minutes');
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Typed by the minute-taker.')]);
    minutes.insert(0, [p]);
    closeMeeting(doc, { meetingId: id, now: '2026-11-22T11:00:00Z', minutesDraft: ['Draft'] });
    expect(minutes.toString()).toContain('Typed by the minute-taker.');
    expect(minutes.toString()).not.toContain('Draft');
  });
});
