/**
 * Journey: a plan with a vague action ("Support mum": no owner, no measure, no date). Marking the
 * plan agreed, and recording the outline plan as circulated, are refused with a list of what to
 * fix; a link takes the member to the field; they fix each thing (with one-click plain words and
 * the review date), and then the plan is agreed and the circulation recorded. Everything is still
 * there after a reload. (The findings as they are typed: smart-findings.spec.ts.)
 */
import { openNewPlan } from './support/new-plan.ts';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { OutcomesPage, screenshotsDown } from './pages/outcomes-page.ts';
import { MeetingsPage } from './pages/meetings-page.ts';
import { DANGER, ICPC_PLAIN, REVIEW, SCHOOL_OUTCOME, SmartPage, completePlan, day, inWords } from './pages/smart-page.ts';
import { dateBoxes, dateInput, expectDate, fillDate } from './pages/date-input.ts';

test('a vague plan is refused agreement and circulation, each thing is fixed from the list, then it is agreed', async ({ panel }) => {
  const { plan } = await openNewPlan(panel, [{ name: 'Ava', dob: '2019-03-14' }]);
  const smart = new SmartPage(panel);
  const outcomes = new OutcomesPage(panel);
  const meetings = new MeetingsPage(panel);

  // --- Everything but the outcomes complete (the findings on the way: smart-findings.spec.ts).
  await completePlan.coreGroup(panel);
  await completePlan.conferences(panel);
  await plan.goToSection('Strengthening Families');
  await smart.typeRichText('Neglect', 'Ava often arrives at school hungry and in dirty clothes.');
  await smart.typeRichText(DANGER, `We are worried Ava will be hurt if nothing changes. This was agreed at ${ICPC_PLAIN}.`);
  await completePlan.contingency(panel);

  // --- An outcome with a vague action.
  await plan.goToSection('Outcomes and actions');
  const school = await outcomes.addOutcome(SCHOOL_OUTCOME.domain, SCHOOL_OUTCOME);
  await school.getByRole('button', { name: /^Add an action/ }).click();
  await outcomes.action(school, 1).getByLabel('What will be done').fill('Support mum');
  await expect(smart.summary).toContainText('4 to fix before the plan can be agreed');
  await plan.expectSaved();

  // --- Marking the plan agreed is refused, with a list of what to fix.
  await plan.goToSection('Family and children');
  await smart.saveStatus('Agreed');
  await expect(smart.agreedRefusal).toBeFocused();
  const links = smart.agreedRefusal.getByRole('link');
  await expect(links).toHaveText([
    /^Outcome ‘Ava is at school on time every day’, action 1: What will be done: “Support mum” is too short/,
    /action 1: Who will do it: Say who will do this/,
    /action 1: How it will be measured: Say how we will know/,
    /action 1: By when: Say when this action will be done by\./,
  ]);
  await expect(panel.getByRole('region', { name: 'Plan status' })).toContainText('The plan is outline.');
  await expectNoAxeViolations(panel, 'family, agreed refused');
  await screenshotsDown(panel, 'smart-agreed-refused');

  // --- Recording the outline plan as circulated is refused the same way.
  await plan.goToSection('Meetings');
  await meetings.open(`Initial child protection conference, ${inWords(-3)}`);
  const circulated = dateInput(panel, 'Outline plan circulated');
  await fillDate(circulated, day(-1));
  const circulationRefusal = panel.getByRole('alert').filter({ hasText: 'Fix these before recording the outline plan as circulated' });
  await expect(circulationRefusal.getByRole('link')).toHaveCount(4);
  await expect(dateBoxes(circulated).day).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(panel, 'meetings, circulation refused');
  await circulationRefusal.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: '.tmp/screens/smart-circulation-refused.png' });

  // --- A link takes the member to the field, in its section, with the outcome opened.
  await circulationRefusal.getByRole('link', { name: /What will be done/ }).click();
  await expect(panel.getByRole('heading', { level: 2, name: 'Outcomes and actions' })).toBeVisible();
  const action1 = outcomes.action(outcomes.outcome('Ava is at school on time every day'), 1);
  await expect(action1.getByLabel('What will be done')).toBeFocused();

  // --- Fix each: words (with a one-click plain-language fix), owner, measure, and a date set to the review.
  await action1.getByLabel('What will be done').fill('Sam explains the ICPC decisions to mum at each home visit');
  await smart.fix(action1, `Change to “${ICPC_PLAIN}”`, 'What will be done').click();
  await expect(action1.getByLabel('What will be done')).toHaveValue(`Sam explains ${ICPC_PLAIN} decisions to mum at each home visit`);
  await expect(action1.getByLabel('What will be done')).toBeFocused();
  await action1.getByLabel('Who will do it').selectOption({ label: "Sam Jones (Children's Social Care)" });
  await action1.getByLabel('How it will be measured').fill('Mum can say what the plan asks of her at each visit');
  await fillDate(dateInput(action1, 'By when'), day(REVIEW + 30));
  const dueFindings = await smart.findingsOf(dateInput(action1, 'By when'));
  await expect(dueFindings).toContainText(`after the next review conference on ${inWords(REVIEW)}`);
  await expectNoAxeViolations(panel, 'outcomes, late date with its fix');
  await dueFindings.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: '.tmp/screens/smart-due-date-fix.png' });
  await smart.fix(action1, `Set the date to ${inWords(REVIEW)}`, 'By when').click();
  await expectDate(dateInput(action1, 'By when'), day(REVIEW));
  await expect(smart.summary).toContainText('Nothing must be fixed');
  await expect(smart.chip('Time-scaled')).toContainText('Time-scaled: nothing to fix');
  await expect(smart.navLink('Outcomes and actions')).toHaveAccessibleDescription('1 piece of advice');
  await plan.expectSaved();

  // --- Now the circulation is recorded and the plan is agreed.
  await plan.goToSection('Meetings');
  await meetings.open(`Initial child protection conference, ${inWords(-3)}`);
  await fillDate(dateInput(panel, 'Outline plan circulated'), day(-1));
  await expect(panel.getByRole('alert').filter({ hasText: 'cannot be recorded as circulated' })).toHaveCount(0);
  await expect(dateBoxes(dateInput(panel, 'Outline plan circulated')).day).not.toHaveAttribute('aria-invalid', 'true');

  await plan.goToSection('Family and children');
  await smart.saveStatus('Agreed');
  await expect(panel.getByRole('region', { name: 'Plan status' })).toContainText('The plan is agreed.');
  await expect(smart.agreedRefusal).toHaveCount(0);
  await plan.expectSaved();

  // --- Reload: the fixes and the status are kept.
  await panel.reload();
  await plan.expectOpen('Testington');
  await expect(panel.getByRole('region', { name: 'Plan status' })).toContainText('The plan is agreed.');
  await plan.goToSection('Strengthening Families');
  await expect(panel.getByRole('textbox', { name: DANGER, exact: true })).toContainText(`agreed at ${ICPC_PLAIN}.`);
  await plan.goToSection('Outcomes and actions');
  const reloaded = outcomes.outcome('Ava is at school on time every day');
  await reloaded.locator('summary').click();
  const action1Again = outcomes.action(reloaded, 1);
  await expect(action1Again.getByLabel('What will be done')).toHaveValue(`Sam explains ${ICPC_PLAIN} decisions to mum at each home visit`);
  await expectDate(dateInput(action1Again, 'By when'), day(REVIEW));
  await plan.goToSection('Meetings');
  await meetings.open(`Initial child protection conference, ${inWords(-3)}`);
  await expectDate(dateInput(panel, 'Outline plan circulated'), day(-1));
});
