import { describe, expect, it } from 'vitest';
import { Action, Outcome, planRoots } from '../../../lib/plan/index.ts';
import { countBySection, groupByElement, placeOfFinding, targetOfFinding } from '../../../lib/checks/finding-places.ts';
import { checkPlanDoc } from '../../../lib/checks/check-plan-doc.ts';
import { readPlanForChecks } from '../../../lib/checks/plan-for-checks.ts';
import type { Finding } from '../../../lib/rules/checks/findings.ts';
import { TODAY, completePlan, newPlan, writeRichText } from './plan-doc-fixtures.ts';

const finding = (over: Partial<Finding>): Finding => ({ rule: 'completeness', field: 'x', severity: 'blocking', message: 'm', ...over });

describe('placeOfFinding', () => {
  it('places an action’s field in the outcomes section, naming the outcome and the action’s number', () => {
    const { doc, outcomeId, actions } = completePlan();
    const vague = Action.add(doc, actions, { description: 'Support mum' });
    const plan = readPlanForChecks(doc);
    const owner = checkPlanDoc(doc, TODAY).find((f) => f.actionId === vague && f.field === 'ownerId')!;
    expect(placeOfFinding(owner, plan)).toEqual({
      section: 'outcomes',
      elementId: `a-${vague}-owner`,
      label: 'Outcome ‘Ava is at school on time every day’, action 2: Who will do it',
    });
    expect(placeOfFinding(finding({ field: 'dueDate', outcomeId, actionId: vague }), plan)?.elementId).toBe(Action.elementId(vague, 'dueDate'));
  });

  it('places an outcome’s own field, shortening a long statement and numbering an empty one', () => {
    const { doc, outcomeId } = completePlan();
    const list = planRoots(doc).outcomes;
    Outcome.set(doc, list, outcomeId, 'statement', 'Ava is at school on time every single day of every week of term');
    const second = Outcome.add(doc, list, { domain: 'parenting-capacity' });
    const plan = readPlanForChecks(doc);
    expect(placeOfFinding(finding({ field: 'measure', outcomeId }), plan)).toEqual({
      section: 'outcomes',
      elementId: `o-${outcomeId}-measure`,
      label: 'Outcome ‘Ava is at school on time every single…’: How progress will be measured',
    });
    expect(placeOfFinding(finding({ field: 'actions', outcomeId: second }), plan)).toMatchObject({
      elementId: Outcome.elementId(second, 'actions'),
      label: 'Outcome 2: Actions',
    });
  });

  it('places whole-plan fields in the sections where they are edited', () => {
    const plan = readPlanForChecks(newPlan());
    const places = Object.fromEntries(
      checkPlanDoc(newPlan(), TODAY)
        .filter((f) => f.outcomeId === undefined)
        .map((f) => [f.field, placeOfFinding(f, plan)?.section]),
    );
    expect(places).toEqual({
      harms: 'framework',
      outcomes: 'outcomes',
      contingencyPlan: 'contingency',
      'visiting.frequency': 'contingency',
      'visiting.seenAlone': 'contingency',
      nextReviewDate: 'meetings',
      members: 'core-group',
    });
  });

  it('places advice on a harm field in that field', () => {
    const doc = newPlan();
    writeRichText(doc, 'harm-sexual', ['Reported at the MASH.']);
    const advice = checkPlanDoc(doc, TODAY).find((f) => f.field === 'harms[2].description')!;
    expect(placeOfFinding(advice, readPlanForChecks(doc))).toEqual({ section: 'framework', elementId: 'harm-sexual', label: 'Harm or danger: Sexual abuse' });
  });

  it('has no place for a record that is gone or a field the editor does not show', () => {
    const plan = readPlanForChecks(completePlan().doc);
    expect(placeOfFinding(finding({ field: 'measure', outcomeId: 'gone' }), plan)).toBeUndefined();
    expect(placeOfFinding(finding({ field: 'harms[9].description' }), plan)).toBeUndefined();
    expect(placeOfFinding(finding({ field: 'somethingNew' }), plan)).toBeUndefined();
    expect(placeOfFinding(finding({ field: 'description', outcomeId: plan.outcomes[0]!.id, actionId: 'gone' }), plan)).toBeUndefined();
  });
});

describe('targetOfFinding', () => {
  it('needs no plan: the section and element come from the finding’s ids and field', () => {
    expect(targetOfFinding(finding({ field: 'measure', outcomeId: 'o1', actionId: 'a1' }))).toEqual({ section: 'outcomes', elementId: 'a-a1-measure' });
    expect(targetOfFinding(finding({ field: 'sustainability', outcomeId: 'o1' }))).toEqual({ section: 'outcomes', elementId: 'o-o1-sustainability' });
    expect(targetOfFinding(finding({ field: 'dangerStatement' }))).toEqual({ section: 'framework', elementId: 'danger-statement' });
  });

  it('has no target for a record known only by its position, or a field the editor does not show', () => {
    expect(targetOfFinding(finding({ field: 'measure', outcomeIndex: 0 }))).toBeUndefined();
    expect(targetOfFinding(finding({ field: 'measure', outcomeId: 'o1', actionIndex: 0 }))).toBeUndefined();
    expect(targetOfFinding(finding({ field: 'colour', outcomeId: 'o1', actionId: 'a1' }))).toBeUndefined();
  });
});

describe('groupByElement', () => {
  it('groups findings by the element of their field, blocking first', () => {
    const advice = finding({ field: 'measure', outcomeId: 'o1', actionId: 'a1', severity: 'advice', message: 'advice' });
    const blocking = finding({ field: 'measure', outcomeId: 'o1', actionId: 'a1', message: 'blocking' });
    const other = finding({ field: 'contingencyPlan', message: 'other' });
    const groups = groupByElement([advice, other, blocking, finding({ field: 'unknown' })]);
    expect([...groups.keys()]).toEqual(['contingency', 'a-a1-measure']);
    expect(groups.get('a-a1-measure')!.map((f) => f.message)).toEqual(['blocking', 'advice']);
  });
});

describe('countBySection', () => {
  it('counts blocking and advice per section', () => {
    const { doc, actions } = completePlan();
    Action.add(doc, actions, { description: 'Support mum' });
    writeRichText(doc, 'danger-statement', ['Worried, as said at the ICPC.']);
    const counts = countBySection(checkPlanDoc(doc, TODAY));
    expect(counts.outcomes).toEqual({ blocking: 4, advice: 1 });
    expect(counts.framework).toEqual({ blocking: 0, advice: 1 });
    expect(counts.contingency).toBeUndefined();
  });
});
