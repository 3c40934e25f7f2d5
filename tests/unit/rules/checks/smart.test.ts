import { describe, expect, it } from 'vitest';
import type { ActionForChecks, OutcomeForChecks } from '../../../../lib/rules/checks/check-inputs.ts';
import { prepareCheckContext } from '../../../../lib/rules/checks/prepared-context.ts';
import { checkAction, checkOutcome } from '../../../../lib/rules/checks/smart.ts';
import { REVIEW, TODAY, goodAction, goodOutcome, keysOf, makeContext } from './smart-fixtures.ts';

const ctx = makeContext();

describe('checkAction', () => {
  it('finds nothing wrong with a SMART action', () => {
    expect(checkAction(goodAction(), ctx)).toEqual([]);
  });

  // Each row breaks one thing in an otherwise good action and names the finding it must raise.
  it.each<{ why: string; action: Partial<ActionForChecks>; expected: string }>([
    // Nothing to act on at all.
    { why: 'the description is empty', action: { description: '' }, expected: 'specific/blocking/description' },
    // Spaces are not words.
    { why: 'the description is only spaces', action: { description: '   ' }, expected: 'specific/blocking/description' },
    // Three words cannot say who does what and why.
    { why: 'the description has three words', action: { description: 'Weigh Ava weekly' }, expected: 'specific/blocking/description' },
    // Nobody owns it, so nobody does it.
    { why: 'there is no owner', action: { ownerId: undefined }, expected: 'specific/blocking/ownerId' },
    // The core group carries out the plan; an outsider cannot be held to it.
    { why: 'the owner is not a core group member', action: { ownerId: 'gp-unknown' }, expected: 'specific/blocking/ownerId' },
    // "Support" alone, with nothing to check it by.
    { why: 'a vague verb stands alone with no measure', action: { description: 'Support Lena with the children', measure: '' }, expected: 'specific/advice/description' },
    // Inflected vague verbs are as vague.
    { why: 'an inflected vague verb stands alone', action: { description: 'Lena to be supported and encouraged', measure: '' }, expected: 'specific/advice/description' },
    // No way to tell whether it worked.
    { why: 'there is no measure', action: { measure: '' }, expected: 'measurable/blocking/measure' },
    { why: 'the measure is only spaces', action: { measure: ' \n ' }, expected: 'measurable/blocking/measure' },
    // A measure that only restates a vague verb is no measure (issue 19: "Mum engages with services.").
    { why: 'the measure only says Mum engages', action: { description: 'Mum to engage with services', ownerId: 'mum', measure: 'Mum engages with services.' }, expected: 'measurable/blocking/measure' },
    { why: 'the measure says Dad will cooperate', action: { measure: 'Dad cooperates with the social worker' }, expected: 'measurable/blocking/measure' },
    { why: 'the measure says Lena complies', action: { measure: 'Lena complied with the plan' }, expected: 'measurable/blocking/measure' },
    { why: 'the measure says Lena attends', action: { measure: 'Lena attends appointments' }, expected: 'measurable/blocking/measure' },
    { why: 'the measure says the school will work with Lena', action: { measure: 'School working with Lena' }, expected: 'measurable/blocking/measure' },
    { why: 'the measure says someone will monitor', action: { measure: 'Social worker monitors the home' }, expected: 'measurable/blocking/measure' },
    // No date, no timescale.
    { why: 'there is no due date', action: { dueDate: undefined }, expected: 'timebound/blocking/dueDate' },
    // 2025 is not a leap year: there is no 29 February.
    { why: 'the due date does not exist', action: { dueDate: '2025-02-29' }, expected: 'timebound/blocking/dueDate' },
    // A UK-style date typed by hand is not the stored format; report it rather than guess the order.
    { why: 'the due date is written dd/MM/yyyy', action: { dueDate: '15/04/2025' }, expected: 'timebound/blocking/dueDate' },
    // Must be done, or progress judged, by the review conference.
    { why: 'the due date is after the next review', action: { dueDate: '2025-05-30' }, expected: 'timebound/blocking/dueDate' },
    // Still open but its date has gone.
    { why: 'the due date has passed', action: { dueDate: '2025-02-28' }, expected: 'realistic/advice/dueDate' },
    // The agency said no (or not yet).
    { why: 'the agency has not agreed', action: { agencyAgreed: false }, expected: 'achievable/advice/agencyAgreed' },
    // Agreement never recorded.
    { why: 'agreement is not recorded', action: { agencyAgreed: undefined }, expected: 'achievable/advice/agencyAgreed' },
    // Parents must understand every action (seed 002 3c).
    { why: 'the description uses jargon', action: { description: 'Social worker to explain the ICPC decision to Lena' }, expected: 'plain-language/advice/description' },
    { why: 'the measure uses jargon', action: { measure: 'Discussed at the core group' }, expected: 'plain-language/advice/measure' },
  ])('reports $expected when $why', ({ action, expected }) => {
    expect(keysOf(checkAction(goodAction(action), ctx))).toContain(expected);
  });

  it('explains a vague measure and suggests an observable one', () => {
    const action = goodAction({ ownerId: 'mum', description: 'Mum to engage with services', measure: 'Mum engages with services.' });
    const finding = checkAction(action, ctx).find((f) => f.rule === 'measurable');
    expect(finding?.message).toContain('“engage”');
    expect(finding?.message).toContain('who will see or check what, how often, and by when');
    expect(finding?.suggestion).toBeTruthy();
    // The suggestion is itself a measure that passes.
    const fixed = checkAction(goodAction({ measure: finding!.suggestion }), ctx);
    expect(fixed.filter((f) => f.rule === 'measurable')).toEqual([]);
  });

  // Each row is a near miss that must not raise the named rule.
  it.each<{ why: string; action: Partial<ActionForChecks>; rule: string }>([
    // An observable measure passes even when it uses a vague verb: who sees what, how often.
    { why: 'a vague verb comes with who checks it', action: { measure: 'Lena attends, and the GP confirms it to the social worker' }, rule: 'measurable' },
    { why: 'a vague verb comes with a number', action: { measure: 'Lena attends 4 of the 4 parenting sessions' }, rule: 'measurable' },
    { why: 'a vague verb comes with a frequency', action: { measure: 'Lena engages with the family worker every week' }, rule: 'measurable' },
    { why: 'the measure says what is seen', action: { measure: 'Ava seen clean and fed at nursery' }, rule: 'measurable' },
    // "Attendance" is not the verb "attend".
    { why: 'the measure mentions attendance at school', action: { measure: 'Ava’s school attendance register' }, rule: 'measurable' },
    // Four words is the minimum, and is enough.
    { why: 'the description has exactly four words', action: { description: 'Take Ava to nursery' }, rule: 'specific' },
    // A parent in the core group can own an action.
    { why: 'the owner is a parent in the core group', action: { ownerId: 'mum', description: 'Lena to make Ava breakfast daily' }, rule: 'specific' },
    // A measure turns "support" into something checkable.
    { why: 'a vague verb comes with a measure', action: { description: 'Support Lena with the bedtime routine' }, rule: 'specific' },
    // So does a frequency in the description itself.
    { why: 'a vague verb comes with a frequency', action: { description: 'Support Lena at bedtime twice a week' }, rule: 'specific' },
    // The review date itself is inside the review period.
    { why: 'the action is due on the review date', action: { dueDate: REVIEW }, rule: 'timebound' },
    // Due today is not yet late.
    { why: 'the action is due today', action: { dueDate: TODAY }, rule: 'realistic' },
    // A done action is not nagged about its date or agreement.
    { why: 'a done action has a past date', action: { dueDate: '2025-01-10', status: 'Done' }, rule: 'realistic' },
    { why: 'a cancelled action has no recorded agreement', action: { agencyAgreed: undefined, status: 'cancelled' }, rule: 'achievable' },
    // Word boundaries: "lack" is not LAC.
    { why: 'the description says "lack"', action: { description: 'Health visitor to check for lack of food weekly' }, rule: 'plain-language' },
  ])('raises no $rule finding when $why', ({ action, rule }) => {
    expect(checkAction(goodAction(action), ctx).filter((f) => f.rule === rule)).toEqual([]);
  });

  it('offers the next review date as a one-click fix for a date after the review', () => {
    const [finding] = checkAction(goodAction({ dueDate: '2025-07-01' }), ctx).filter((f) => f.rule === 'timebound');
    expect(finding?.fix).toEqual({ kind: 'set-due-date', value: REVIEW });
    expect(finding?.message).toContain('29 May 2025');
  });

  it('explains an impossible date without throwing', () => {
    const [finding] = checkAction(goodAction({ dueDate: '2025-13-01' }), ctx);
    expect(finding?.message).toBe('“2025-13-01” is not a date the plan can use. Choose the due date from the calendar.');
  });

  it('skips the review rule when there is no valid review date', () => {
    const noReview = makeContext({ nextReviewDate: 'soon' });
    expect(checkAction(goodAction({ dueDate: '2026-01-01' }), noReview).filter((f) => f.rule === 'timebound')).toEqual([]);
  });

  it('names the agency that has not agreed', () => {
    const [finding] = checkAction(goodAction({ agencyAgreed: false }), ctx).filter((f) => f.rule === 'achievable');
    expect(finding?.message).toBe('Sam Visitor (Health visiting) has not agreed to do this. Check it can be done before the plan is agreed.');
  });

  it('stamps every finding with the action id', () => {
    const findings = checkAction(goodAction({ id: 'act-7', measure: '', ownerId: '' }), ctx);
    expect(findings.length).toBeGreaterThan(1);
    expect(findings.every((f) => f.actionId === 'act-7')).toBe(true);
  });

  it('throws a RangeError naming ctx.today when today is not a yyyy-MM-dd date', () => {
    expect(() => checkAction(goodAction(), makeContext({ today: '3 March 2025' }))).toThrow(/ctx\.today/);
  });

  describe('workload (realistic)', () => {
    // 2025-03-10 is a Monday and 2025-03-16 a Sunday: one ISO week.
    const week = ['2025-03-10', '2025-03-12', '2025-03-14', '2025-03-16'];
    const others = (dates: string[], ownerId = 'hv', status = 'open'): ActionForChecks[] =>
      dates.map((dueDate, i) => goodAction({ id: `other-${i}`, dueDate, ownerId, status }));

    it('advises when the owner has four open actions due in the same ISO week', () => {
      const findings = checkAction(goodAction({ dueDate: week[0] }), makeContext({ openActions: others(week.slice(1)) }));
      const workload = findings.filter((f) => f.rule === 'realistic');
      expect(keysOf(workload)).toEqual(['realistic/advice/ownerId']);
      expect(workload[0]?.message).toBe(
        'Sam Visitor has 4 open actions due in the week beginning 10 March 2025. Check this is realistic, or spread the dates out.',
      );
    });

    it('stays quiet at three actions in the week', () => {
      const findings = checkAction(goodAction({ dueDate: week[0] }), makeContext({ openActions: others(week.slice(1, 3)) }));
      expect(findings.filter((f) => f.rule === 'realistic')).toEqual([]);
    });

    it('counts the action once when openActions already holds it', () => {
      const action = goodAction({ dueDate: week[0] });
      const open = [action, goodAction({ dueDate: week[0] }), ...others(week.slice(1, 3))];
      // The same object and a copy with the same id are both "this action": 3 in the week, not 5.
      expect(checkAction(action, makeContext({ openActions: open })).filter((f) => f.rule === 'realistic')).toEqual([]);
    });

    it('ignores closed actions, other owners and other weeks', () => {
      const open = [
        ...others(week.slice(1), 'hv', 'done'),
        ...others(week.slice(1), 'school'),
        ...others(['2025-03-09', '2025-03-17', '2025-03-18']),
      ];
      expect(checkAction(goodAction({ dueDate: week[0] }), makeContext({ openActions: open })).filter((f) => f.rule === 'realistic')).toEqual([]);
    });

    it('treats the days either side of New Year as one ISO week', () => {
      // 30 December 2024 is the Monday of ISO week 1 of 2025, which ends on Sunday 5 January.
      const open = others(['2024-12-31', '2025-01-02', '2025-01-05']);
      const findings = checkAction(goodAction({ dueDate: '2024-12-30', status: 'open' }), makeContext({ today: '2024-12-01', nextReviewDate: '2025-01-31', openActions: open }));
      expect(findings.filter((f) => f.rule === 'realistic').map((f) => f.message)).toEqual([
        'Sam Visitor has 4 open actions due in the week beginning 30 December 2024. Check this is realistic, or spread the dates out.',
      ]);
    });

    it('takes the threshold from settings', () => {
      const settings = { maxOpenActionsPerOwnerWeek: 2 };
      const findings = checkAction(goodAction({ dueDate: week[0] }), makeContext({ openActions: others(week.slice(1, 2)), settings }));
      expect(keysOf(findings)).toContain('realistic/advice/ownerId');
    });
  });
});

describe('checkOutcome', () => {
  it('finds nothing wrong with a SMART, child-focused outcome', () => {
    expect(checkOutcome(goodOutcome(), ctx)).toEqual([]);
  });

  it.each<{ why: string; outcome: Partial<OutcomeForChecks>; expected: string }>([
    // Nothing says what should change.
    { why: 'the statement is empty', outcome: { statement: '' }, expected: 'specific/blocking/statement' },
    // Too short to know what "safe" will look like.
    { why: 'the statement has two words', outcome: { statement: 'Ava safe' }, expected: 'specific/blocking/statement' },
    // Outcomes arise from one of the three assessment domains (seed 002 2a–c).
    { why: 'the domain is not one of the three', outcome: { domain: 'health' as never }, expected: 'specific/blocking/domain' },
    // About the parent, not the child.
    { why: 'the statement does not mention the child', outcome: { statement: 'Lena will stop drinking alcohol at home' }, expected: 'child-focused/blocking/statement' },
    // The family surname belongs to the parents too; it does not make the outcome about the child.
    { why: 'the statement names only the family', outcome: { statement: 'The Testington home will be warm and clean' }, expected: 'child-focused/blocking/statement' },
    // "Avalon" contains "Ava" but is not her name.
    { why: 'the child’s name appears only inside another word', outcome: { statement: 'Lena will move to Avalon Road next month' }, expected: 'child-focused/blocking/statement' },
    // "Will be supported" with no measure cannot be checked.
    { why: 'a vague verb stands alone with no measure', outcome: { statement: 'Ava will be supported at home', measure: '' }, expected: 'specific/advice/statement' },
    { why: 'there is no measure', outcome: { measure: undefined }, expected: 'measurable/blocking/measure' },
    // An outcome's measure that only restates a vague verb cannot show the outcome was reached.
    { why: 'the measure only says the family engages', outcome: { measure: 'The family engages with support' }, expected: 'measurable/blocking/measure' },
    { why: 'there is no due date', outcome: { dueDate: '' }, expected: 'timebound/blocking/dueDate' },
    // 31 April does not exist.
    { why: 'the due date does not exist', outcome: { dueDate: '2025-04-31' }, expected: 'timebound/blocking/dueDate' },
    // A longer change is allowed, but the review must be able to judge progress.
    { why: 'it is due after the review and no action is due by then', outcome: { dueDate: '2025-09-01', actions: [goodAction({ dueDate: '2025-05-30' })] }, expected: 'timebound/advice/dueDate' },
    { why: 'its due date has passed', outcome: { dueDate: '2025-01-31' }, expected: 'realistic/advice/dueDate' },
    // Seed 002 3d: must show the change lasts.
    { why: 'it does not say how change will last', outcome: { sustainability: undefined }, expected: 'sustainable/blocking/sustainability' },
    { why: 'the sustainability is a single word', outcome: { sustainability: 'Yes' }, expected: 'sustainable/blocking/sustainability' },
    // Says it must last but not for how long.
    { why: 'the sustainability gives no period', outcome: { sustainability: 'Lena will keep this going herself' }, expected: 'sustainable/advice/sustainability' },
    // An outcome nobody works towards will not happen.
    { why: 'it has an empty action list', outcome: { actions: [] }, expected: 'achievable/blocking/actions' },
    { why: 'the statement uses jargon', outcome: { statement: 'Ava will no longer be at risk of significant harm at home' }, expected: 'plain-language/advice/statement' },
    { why: 'the sustainability uses jargon', outcome: { sustainability: 'No CSC involvement needed for six months' }, expected: 'plain-language/advice/sustainability' },
  ])('reports $expected when $why', ({ outcome, expected }) => {
    expect(keysOf(checkOutcome(goodOutcome(outcome), ctx))).toContain(expected);
  });

  it.each<{ why: string; outcome: Partial<OutcomeForChecks>; rule: string }>([
    // The second child counts as much as the first.
    { why: 'it names the second child', outcome: { statement: 'Leo will go to school every day on time' }, rule: 'child-focused' },
    // A full name counts, and so does a possessive.
    { why: 'it uses the child’s name with a possessive', outcome: { statement: "Ava's bedroom will be warm and dry" }, rule: 'child-focused' },
    { why: 'it speaks of the baby', outcome: { statement: 'The baby will sleep in a safe cot' }, rule: 'child-focused' },
    { why: 'it speaks of the children', outcome: { statement: 'The children will have meals at regular times' }, rule: 'child-focused' },
    { why: 'it speaks of a young person', outcome: { statement: 'The young person will feel safe at home' }, rule: 'child-focused' },
    // Case does not matter for names.
    { why: 'the name is in capitals', outcome: { statement: 'AVA will attend every health appointment' }, rule: 'child-focused' },
    // An interim action by the review lets the conference judge progress on a longer outcome.
    { why: 'it is due after the review but an action is due by then', outcome: { dueDate: '2025-09-01' }, rule: 'timebound' },
    { why: 'the sustainability says "consistently"', outcome: { sustainability: 'Ava consistently arrives at nursery fed' }, rule: 'sustainable' },
    { why: 'the sustainability gives weeks in figures', outcome: { sustainability: 'Routine kept for 12 weeks in a row' }, rule: 'sustainable' },
    // Without the action list the outcome cannot know it has none; checkPlan supplies it.
    { why: 'no action list is given', outcome: { actions: undefined }, rule: 'achievable' },
  ])('raises no $rule finding when $why', ({ outcome, rule }) => {
    expect(checkOutcome(goodOutcome(outcome), ctx).filter((f) => f.rule === rule)).toEqual([]);
  });

  it('suggests starting with the child’s first name when the outcome is not about the child', () => {
    const [finding] = checkOutcome(goodOutcome({ statement: 'Lena will stop drinking alcohol at home' }), ctx).filter((f) => f.rule === 'child-focused');
    expect(finding?.suggestion).toBe('Ava will …');
  });

  it('accepts only the generic words when no child is named in the context', () => {
    const noNames = makeContext({ childNames: [] });
    expect(keysOf(checkOutcome(goodOutcome({ statement: 'Ava will be fed every day' }), noNames))).toContain('child-focused/blocking/statement');
    expect(checkOutcome(goodOutcome({ statement: 'The child will be fed every day' }), noNames).filter((f) => f.rule === 'child-focused')).toEqual([]);
  });

  it('reports the position of jargon in the field as stored, leading spaces included', () => {
    const [finding] = checkOutcome(goodOutcome({ statement: '  Ava will not be a CIN case by June' }), ctx).filter((f) => f.rule === 'plain-language');
    expect(finding?.fix).toEqual({ kind: 'replace', from: 'CIN', to: 'child in need', index: 20 });
  });

  it('does not check the outcome’s actions (checkPlan does)', () => {
    const findings = checkOutcome(goodOutcome({ actions: [goodAction({ measure: '', ownerId: '' })] }), ctx);
    expect(findings).toEqual([]);
  });

  it('stamps every finding with the outcome id', () => {
    const findings = checkOutcome(goodOutcome({ id: 'out-3', measure: '', sustainability: '' }), ctx);
    expect(findings.length).toBeGreaterThan(1);
    expect(findings.every((f) => f.outcomeId === 'out-3')).toBe(true);
  });

  it('gives the same findings for a prepared context as for a plain one', () => {
    const outcome = goodOutcome({ statement: 'Lena will attend the ICPC', sustainability: '' });
    expect(checkOutcome(outcome, prepareCheckContext(ctx))).toEqual(checkOutcome(outcome, ctx));
  });
});
