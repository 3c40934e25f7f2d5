import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Action, Meeting, Member, Outcome, planRoots, setArrangementField } from '../../../lib/plan/index.ts';
import { checkedTypes, readCheckContext, readNextReviewDate, readPlanForChecks } from '../../../lib/checks/plan-for-checks.ts';
import { checkPlanDoc } from '../../../lib/checks/check-plan-doc.ts';
import { REVIEW, TODAY, addMember, bookReview, completePlan, newPlan, writeRichText } from './plan-doc-fixtures.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

describe('readPlanForChecks', () => {
  it('maps live outcomes with their live actions, in display order, with ids', () => {
    const { doc, outcomeId, actions, actionId } = completePlan();
    const removed = Action.add(doc, actions, { description: 'Removed action' });
    Action.remove(doc, actions, removed);
    const plan = readPlanForChecks(doc);
    expect(plan.outcomes).toHaveLength(1);
    expect(plan.outcomes[0]).toMatchObject({ id: outcomeId, statement: 'Ava is at school on time every day', domain: 'developmental-needs' });
    expect(plan.outcomes[0]!.actions!.map((a) => a.id)).toEqual([actionId]);
    expect(plan.outcomes[0]!.actions![0]).toMatchObject({ measure: 'Visit notes shared with the group', agencyAgreed: true, status: 'in-progress' });
  });

  it('reads an unticked “agency has agreed” as not recorded yet, not as refused', () => {
    const { doc, actions, actionId } = completePlan();
    Action.set(doc, actions, actionId, 'agencyAgreed', false);
    expect(readPlanForChecks(doc).outcomes[0]!.actions![0]!.agencyAgreed).toBeUndefined();
    const advice = checkPlanDoc(doc, TODAY).find((f) => f.actionId === actionId && f.field === 'agencyAgreed');
    expect(advice?.message).toMatch(/^It is not recorded that Priya Shah \(Health\) has agreed/);
  });

  it('leaves out removed outcomes', () => {
    const { doc, outcomeId } = completePlan();
    Outcome.remove(doc, planRoots(doc).outcomes, outcomeId);
    expect(readPlanForChecks(doc).outcomes).toEqual([]);
  });

  it('gives the four harm fields in order, the danger statement and contingency as plain text, and the visiting arrangements', () => {
    const doc = newPlan();
    writeRichText(doc, 'harm-emotional', ['Shouting at **home**.', 'Most evenings.']);
    writeRichText(doc, 'danger-statement', ['We worry.']);
    setArrangementField(doc, { field: 'visitFrequency', value: 'Weekly' });
    const plan = readPlanForChecks(doc);
    expect(plan.harms!.map((h) => h.category)).toEqual(['Physical abuse', 'Emotional abuse', 'Sexual abuse', 'Neglect']);
    expect(plan.harms![1]).toEqual({ category: 'Emotional abuse', description: 'Shouting at home.\nMost evenings.', impact: 'Shouting at home.\nMost evenings.' });
    expect(plan.dangerStatement).toBe('We worry.');
    expect(plan.contingencyPlan).toBe('');
    expect(plan.visiting).toEqual({ frequency: 'Weekly', seenAlone: '' });
  });
});

describe('readNextReviewDate', () => {
  it('is the earliest booked review conference from today on', () => {
    const doc = newPlan();
    bookReview(doc, '2026-08-20');
    bookReview(doc, REVIEW);
    expect(readNextReviewDate(doc, TODAY)).toBe(REVIEW);
  });

  it('ignores held reviews, past dates, other meetings, removed meetings and dates that are not real', () => {
    const doc = newPlan();
    const list = planRoots(doc).meetings;
    Meeting.add(doc, list, { kind: 'rcpc', date: '2026-02-01', scheduled: false });
    Meeting.add(doc, list, { kind: 'rcpc', date: '2026-03-01', scheduled: true });
    Meeting.add(doc, list, { kind: 'core-group', date: '2026-04-01', scheduled: true });
    Meeting.add(doc, list, { kind: 'rcpc', date: '2026-02-30', scheduled: true });
    Meeting.remove(doc, list, bookReview(doc, '2026-04-02'));
    expect(readNextReviewDate(doc, TODAY)).toBeUndefined();
    expect(readCheckContext(doc, TODAY)).not.toHaveProperty('nextReviewDate');
  });

  it('counts a review booked for today', () => {
    const doc = newPlan();
    bookReview(doc, TODAY);
    expect(readNextReviewDate(doc, TODAY)).toBe(TODAY);
  });
});

describe('readCheckContext', () => {
  it('has the live members, the children’s names, the review date and today', () => {
    const doc = newPlan();
    const sw = addMember(doc, 'Sam Jones', 'Children’s Social Care', 'Lead social worker');
    Member.remove(doc, planRoots(doc).members, addMember(doc, 'Gone Person', 'Police'));
    bookReview(doc);
    expect(readCheckContext(doc, TODAY)).toEqual({
      members: [{ id: sw, name: 'Sam Jones', agency: 'Children’s Social Care', role: 'Lead social worker' }],
      childNames: ['Ava Testington', 'Leo'],
      nextReviewDate: REVIEW,
      today: TODAY,
    });
  });
});

describe('checkedTypes', () => {
  it('covers every part of the document the readers read: a change to each is seen', () => {
    const { doc, actions, actionId } = completePlan();
    let changes = 0;
    const onChange = () => void changes++;
    const types = checkedTypes(doc);
    for (const type of types) type.observeDeep(onChange);
    const edits = [
      () => Action.set(doc, actions, actionId, 'measure', 'Notes'),
      () => addMember(doc, 'Jo', 'School'),
      () => bookReview(doc, '2026-06-01'),
      () => setArrangementField(doc, { field: 'seenAlone', value: 'At school' }),
      () => writeRichText(doc, 'harm-physical', ['Bruise']),
      () => writeRichText(doc, 'danger-statement', ['More']),
      () => writeRichText(doc, 'contingency', ['More']),
    ];
    for (const [i, edit] of edits.entries()) {
      edit();
      expect(changes, `edit ${i}`).toBe(i + 1);
    }
    for (const type of types) type.unobserveDeep(onChange);
  });
});

describe('checkPlanDoc', () => {
  it('finds nothing blocking in a complete plan', () => {
    expect(checkPlanDoc(completePlan().doc, TODAY).filter((f) => f.severity === 'blocking')).toEqual([]);
  });

  it('reports a vague action with no owner, measure or date, stamped with its outcome and action ids', () => {
    const { doc, outcomeId, actions } = completePlan();
    const vague = Action.add(doc, actions, { description: 'Support mum', status: 'not-started' });
    const found = checkPlanDoc(doc, TODAY).filter((f) => f.actionId === vague && f.severity === 'blocking');
    expect(found.map((f) => [f.rule, f.field])).toEqual([
      ['specific', 'description'],
      ['specific', 'ownerId'],
      ['measurable', 'measure'],
      ['timebound', 'dueDate'],
    ]);
    expect(found.every((f) => f.outcomeId === outcomeId)).toBe(true);
  });

  it('blocks until a review conference is booked, and offers the review date for an action due after it', () => {
    const doc = newPlan();
    expect(checkPlanDoc(doc, TODAY).some((f) => f.field === 'nextReviewDate' && f.severity === 'blocking')).toBe(true);
    const { doc: full, actions, actionId } = completePlan();
    Action.set(full, actions, actionId, 'dueDate', '2026-06-30');
    const late = checkPlanDoc(full, TODAY).find((f) => f.actionId === actionId && f.field === 'dueDate');
    expect(late).toMatchObject({ severity: 'blocking', fix: { kind: 'set-due-date', value: REVIEW } });
  });

  it('gives plain-language advice once per harm field, not again for its impact', () => {
    const doc = newPlan();
    writeRichText(doc, 'harm-neglect', ['Seen at the ICPC.']);
    const onHarm = checkPlanDoc(doc, TODAY).filter((f) => f.field.startsWith('harms['));
    expect(onHarm.map((f) => f.field)).toEqual(['harms[3].description']);
    expect(onHarm[0]!.fix).toMatchObject({ kind: 'replace', from: 'the ICPC' });
  });

  it('gives the same findings on two peers once their edits have met', () => {
    const { docs, disconnect, connect } = connectedPeers(2);
    const [a, b] = docs as [Y.Doc, Y.Doc];
    const built = completePlan();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(built.doc));
    disconnect();
    const actionsOf = (doc: Y.Doc) => Outcome.list(Outcome.liveMaps(planRoots(doc).outcomes)[0]!, 'actions');
    Action.set(a, actionsOf(a), built.actionId, 'measure', '');
    const vague = Action.add(b, actionsOf(b), { description: 'Support mum' });
    const seen = (doc: Y.Doc) => checkPlanDoc(doc, TODAY).map((f) => `${f.rule}:${f.field}:${f.actionId ?? ''}`).sort();
    expect(seen(a)).not.toContain(`specific:ownerId:${vague}`);
    connect();
    expect(seen(a)).toEqual(seen(b));
    expect(seen(a)).toEqual(expect.arrayContaining([`measurable:measure:${built.actionId}`, `specific:ownerId:${vague}`]));
  });
});
