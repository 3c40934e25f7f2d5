import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../../../lib/rules/checks/check-inputs.ts';
import { hasBlocking } from '../../../../lib/rules/checks/findings.ts';
import { checkPlan, type PlanForChecks } from '../../../../lib/rules/checks/plan-completeness.ts';
import { MEMBERS, goodAction, goodOutcome, goodPlan, keysOf, makeContext } from './smart-fixtures.ts';

const ctx = makeContext();

describe('checkPlan', () => {
  it('finds nothing missing in a complete plan', () => {
    expect(checkPlan(goodPlan(), ctx)).toEqual([]);
  });

  // Each row removes one item Working Together requires (TIMESCALES.md, "What a plan must contain").
  it.each<{ why: string; plan?: Partial<PlanForChecks>; context?: Partial<CheckContext>; expected: string }>([
    // Risks and what must change: neither harms nor a danger statement.
    { why: 'there are no harms and no danger statement', plan: { harms: [], dangerStatement: '' }, expected: 'completeness/blocking/harms' },
    // Blank harm entries say nothing either.
    { why: 'the only harm is blank', plan: { harms: [{ description: '  ' }], dangerStatement: undefined }, expected: 'completeness/blocking/harms' },
    // A harm without its impact on the child (seed 002, "Harm or Danger").
    { why: 'a harm has no impact', plan: { harms: [{ category: 'Neglect', description: 'Ava often goes hungry' }] }, expected: 'completeness/advice/harms[0].impact' },
    { why: 'there are no outcomes', plan: { outcomes: [] }, expected: 'completeness/blocking/outcomes' },
    // "The child's developmental needs and services" must be in the plan.
    { why: 'no outcome is about developmental needs', plan: { outcomes: [goodOutcome({ domain: 'parenting-capacity' })] }, expected: 'completeness/advice/outcomes' },
    { why: 'there is no contingency plan', plan: { contingencyPlan: '' }, expected: 'completeness/blocking/contingencyPlan' },
    // Four words cannot say what happens, who decides and when.
    { why: 'the contingency plan is a few words', plan: { contingencyPlan: 'Go to court' }, expected: 'completeness/advice/contingencyPlan' },
    // How often the lead social worker sees the child (seed 001; Wirral: never more than 3 weeks apart).
    { why: 'visiting frequency is missing', plan: { visiting: { seenAlone: 'Seen alone at each visit' } }, expected: 'completeness/blocking/visiting.frequency' },
    // Seen alone too (Wirral 003, visits standard).
    { why: 'seeing the child alone is missing', plan: { visiting: { frequency: 'Weekly' } }, expected: 'completeness/blocking/visiting.seenAlone' },
    { why: 'there is no visiting section at all', plan: { visiting: undefined }, expected: 'completeness/blocking/visiting.frequency' },
    // Review points: when progress will be reviewed.
    { why: 'there is no next review date', context: { nextReviewDate: undefined }, expected: 'completeness/blocking/nextReviewDate' },
    { why: 'the next review date is not a date', context: { nextReviewDate: '2025-06-31' }, expected: 'completeness/blocking/nextReviewDate' },
    { why: 'the next review date has passed', context: { nextReviewDate: '2025-02-01' }, expected: 'completeness/advice/nextReviewDate' },
    // Core group membership.
    { why: 'there are no core group members', context: { members: [] }, expected: 'completeness/blocking/members' },
    // The lead social worker leads the core group.
    { why: 'nobody is from children’s social care', context: { members: MEMBERS.filter((m) => m.id !== 'sw') }, expected: 'completeness/advice/members' },
    // Plan-wide text is read by parents too.
    { why: 'the contingency plan uses jargon', plan: { contingencyPlan: 'If Ava is hurt again the LA will apply for an EPO at once.' }, expected: 'plain-language/advice/contingencyPlan' },
    { why: 'the danger statement uses jargon', plan: { dangerStatement: 'Ava is at risk of significant harm if nothing changes.' }, expected: 'plain-language/advice/dangerStatement' },
  ])('reports $expected when $why', ({ plan, context, expected }) => {
    expect(keysOf(checkPlan(goodPlan(plan), makeContext(context)))).toContain(expected);
  });

  it.each<{ why: string; plan: Partial<PlanForChecks> }>([
    // Either source of "what must change" is enough.
    { why: 'a danger statement stands without harms', plan: { harms: [] } },
    { why: 'harms stand without a danger statement', plan: { dangerStatement: '' } },
  ])('finds nothing missing when $why', ({ plan }) => {
    expect(checkPlan(goodPlan(plan), ctx)).toEqual([]);
  });

  it('runs the outcome and action checks and says where each finding is', () => {
    const plan = goodPlan({
      outcomes: [
        goodOutcome({ id: 'o1' }),
        goodOutcome({ id: 'o2', measure: '', actions: [goodAction({ id: 'a2' }), goodAction({ id: 'a3', ownerId: '' })] }),
      ],
    });
    const findings = checkPlan(plan, ctx);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'measurable', field: 'measure', outcomeId: 'o2', outcomeIndex: 1 }),
      expect.objectContaining({ rule: 'specific', field: 'ownerId', outcomeId: 'o2', actionId: 'a3', outcomeIndex: 1, actionIndex: 1 }),
    ]);
  });

  it('locates findings by index when records have no ids', () => {
    const plan = goodPlan({ outcomes: [goodOutcome({ id: undefined, actions: [goodAction({ id: undefined, measure: '' })] })] });
    const [finding] = checkPlan(plan, ctx);
    expect(finding).toMatchObject({ rule: 'measurable', outcomeIndex: 0, actionIndex: 0 });
    expect(finding).not.toHaveProperty('actionId');
  });

  it('treats an outcome without an action list as having no actions', () => {
    const plan = goodPlan({ outcomes: [goodOutcome({ actions: undefined })] });
    expect(keysOf(checkPlan(plan, ctx))).toEqual(['achievable/blocking/actions']);
  });

  it('counts one owner’s open actions across every outcome for the workload check', () => {
    // Four of Sam's actions in the week of Monday 10 March 2025, split over two outcomes.
    const due = (id: string, dueDate: string) => goodAction({ id, dueDate });
    const plan = goodPlan({
      outcomes: [
        goodOutcome({ id: 'o1', actions: [due('a1', '2025-03-10'), due('a2', '2025-03-11')] }),
        goodOutcome({ id: 'o2', actions: [due('a3', '2025-03-12'), due('a4', '2025-03-13'), goodAction({ id: 'a5', dueDate: '2025-03-14', status: 'done' })] }),
      ],
    });
    const workload = checkPlan(plan, ctx).filter((f) => f.rule === 'realistic');
    expect(workload.map((f) => f.actionId)).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it('can be agreed only when nothing blocks', () => {
    expect(hasBlocking(checkPlan(goodPlan(), ctx))).toBe(false);
    expect(hasBlocking(checkPlan(goodPlan({ contingencyPlan: '' }), ctx))).toBe(true);
  });

  // How long this takes is measured in bench/smart-checks.bench.ts, never asserted here.
  it('checks every action of a plan of 400 actions', () => {
    const outcomes = Array.from({ length: 50 }, (_, o) =>
      goodOutcome({
        id: `o${o}`,
        actions: Array.from({ length: 8 }, (_, a) =>
          goodAction({ id: `o${o}a${a}`, ownerId: MEMBERS[a % MEMBERS.length]!.id, description: `Health visitor to visit the ICPC family home ${a} times` }),
        ),
      }),
    );
    const plan = goodPlan({ outcomes });
    const findings = checkPlan(plan, ctx);
    // Every action names "ICPC": each gets its own plain-language advice, located on that action.
    const located = new Set(findings.filter((f) => f.rule === 'plain-language' && f.actionId).map((f) => f.actionId));
    expect(located.size).toBe(400);
  });
});
