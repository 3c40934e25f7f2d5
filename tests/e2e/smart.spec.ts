/**
 * Journey: a lead social worker writes a plan with a vague action ("Support mum": no owner, no
 * measure, no date) and jargon in the danger statement. Findings appear under the fields as they
 * type, counted per SMART letter and per section. Marking the plan agreed, and recording the
 * outline plan as circulated, are refused with a list of what to fix; a link takes them to the
 * field; they fix each thing (with one-click plain words and the review date), and then the plan
 * is agreed and the circulation recorded. Everything is still there after a reload.
 */
import { addDays, format } from 'date-fns';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { CoreGroupPage, OutcomesPage, screenshotsDown } from './pages/outcomes-page.ts';
import { MeetingsPage, expectNoSidewaysScroll } from './pages/meetings-page.ts';
import { SmartPage } from './pages/smart-page.ts';

const DEV = "The child's developmental needs";
const DANGER = 'What we are worried will happen to the children if nothing changes';
const CONTINGENCY = 'What will happen if things do not get better';
const ICPC_PLAIN = 'the first child protection conference';

// The extension reads the real clock; every date is relative to it so the journey never goes stale.
const day = (offset: number) => format(addDays(new Date(), offset), 'yyyy-MM-dd');
const inWords = (offset: number) => format(addDays(new Date(), offset), 'd MMMM yyyy');
const REVIEW = 60;

test('a vague plan is refused agreement and circulation, each thing is fixed from the list, then it is agreed', async ({ panel }) => {
  test.setTimeout(180_000);
  await new PlanListPage(panel).createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }]);
  const plan = new PlanPage(panel);
  const smart = new SmartPage(panel);
  const outcomes = new OutcomesPage(panel);
  const meetings = new MeetingsPage(panel);
  await plan.expectOpen('Testington');

  // --- A new plan: the navigation counts what is missing, section by section.
  await expect(smart.navLink('Core group')).toHaveAccessibleDescription('1 to fix');
  await expect(smart.navLink('Contingency and contact')).toHaveAccessibleDescription('3 to fix');

  // --- Core group, the review booked, and the conference held.
  await plan.goToSection('Core group');
  const group = new CoreGroupPage(panel);
  await group.addMember({ name: 'Sam Jones', agency: "Children's Social Care", role: 'Lead social worker' });
  await group.addMember({ name: 'Priya Shah', agency: 'Health', role: 'Health visitor' });
  await expect(smart.navLink('Core group')).toHaveAccessibleDescription('');

  await plan.goToSection('Meetings');
  await meetings.addMeeting('Initial child protection conference', 'Held', day(-3));
  await meetings.back();
  await meetings.addMeeting('Review child protection conference', 'Scheduled (still to come)', day(REVIEW));
  await meetings.back();
  await expect(smart.navLink('Meetings')).toHaveAccessibleDescription('');

  // --- Strengthening Families: the danger statement with jargon gets advice and a one-click fix.
  await plan.goToSection('Strengthening Families');
  await smart.typeRichText('Neglect', 'Ava often arrives at school hungry and in dirty clothes.');
  await smart.typeRichText(DANGER, 'We are worried Ava will be hurt if nothing changes. This was agreed at the ICPC.');
  const danger = panel.getByRole('textbox', { name: DANGER, exact: true });
  const dangerFindings = await smart.findingsOf(danger);
  await expect(dangerFindings).toContainText('“ICPC” (Initial Child Protection Conference) is an abbreviation parents may not know.');
  await expect(danger).toHaveAccessibleDescription(/is an abbreviation parents may not know/);
  await expect(smart.navLink('Strengthening Families')).toHaveAccessibleDescription('1 piece of advice');
  await expectNoAxeViolations(panel, 'framework, advice showing');
  await dangerFindings.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: '.tmp/screens/smart-framework-advice.png' });
  await smart.fix(panel, `Change to “${ICPC_PLAIN}”`, DANGER).click();
  await expect(danger).toHaveText(`We are worried Ava will be hurt if nothing changes. This was agreed at ${ICPC_PLAIN}.`);
  await expect(danger).toBeFocused();
  await expect(dangerFindings).toHaveCount(0);

  // --- Contingency and contact, complete.
  await plan.goToSection('Contingency and contact');
  await smart.typeRichText(CONTINGENCY, 'If school attendance has not improved by the review, Sam will ask for a legal planning meeting.');
  await panel.getByLabel('How often the lead social worker visits and sees the child').fill('Every 10 working days, at home');
  await panel.getByLabel('How the child is seen alone').fill('Ava in her bedroom at each visit');
  await expect(smart.navLink('Contingency and contact')).toHaveAccessibleDescription('');

  // --- An outcome with a vague action: findings appear as it is typed.
  await plan.goToSection('Outcomes and actions');
  const school = await outcomes.addOutcome(DEV, {
    statement: 'Ava is at school on time every day',
    measure: 'School attendance above 95% each half term',
    due: day(REVIEW - 10),
    sustainability: 'Kept up for three months without reminders',
  });
  await expect(smart.summary).toContainText('1 to fix before the plan can be agreed');
  await school.getByRole('button', { name: /^Add an action/ }).click();
  const action = outcomes.action(school, 1);
  const description = action.getByLabel('What will be done');
  await description.fill('Support mum');
  await expect(await smart.findingsOf(description)).toContainText('“Support mum” is too short to be clear.');
  await expect(description).toHaveAccessibleDescription(/too short to be clear/);
  await expect(await smart.findingsOf(action.getByLabel('Who will do it'))).toContainText('Say who will do this');
  await expect(await smart.findingsOf(action.getByLabel('How it will be measured'))).toContainText('Say how we will know');
  await expect(await smart.findingsOf(action.getByLabel('By when'))).toContainText('Say when this action will be done by.');
  await expect(smart.summary).toContainText('4 to fix before the plan can be agreed');
  await expect(smart.chip('Specific')).toContainText('Specific: 2 to fix');
  await expect(smart.chip('Measurable')).toContainText('Measurable: 1 to fix');
  await expect(smart.chip('Time-scaled')).toContainText('Time-scaled: 1 to fix');
  await expect(smart.summary.getByRole('status')).toHaveText('Outcomes and actions: 4 to fix, 1 piece of advice.');
  await expect(school.locator('summary')).toContainText('4 to fix');
  await expect(smart.navLink('Outcomes and actions')).toHaveAccessibleDescription('4 to fix, 1 piece of advice');
  await expectNoAxeViolations(panel, 'outcomes, findings showing');
  await screenshotsDown(panel, 'smart-outcomes-findings');
  await expectNoSidewaysScroll(panel, 'outcomes with findings at 400 px');
  await panel.setViewportSize({ width: 320, height: 900 });
  await expectNoSidewaysScroll(panel, 'outcomes with findings at 320 px');
  await panel.setViewportSize({ width: 400, height: 900 });
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
  const circulated = panel.getByLabel('Outline plan circulated');
  await circulated.fill(day(-1));
  await circulated.blur();
  const circulationRefusal = panel.getByRole('alert').filter({ hasText: 'Fix these before recording the outline plan as circulated' });
  await expect(circulationRefusal.getByRole('link')).toHaveCount(4);
  await expect(circulated).toHaveAttribute('aria-invalid', 'true');
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
  await action1.getByLabel('By when').fill(day(REVIEW + 30));
  const dueFindings = await smart.findingsOf(action1.getByLabel('By when'));
  await expect(dueFindings).toContainText(`after the next review conference on ${inWords(REVIEW)}`);
  await expectNoAxeViolations(panel, 'outcomes, late date with its fix');
  await dueFindings.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: '.tmp/screens/smart-due-date-fix.png' });
  await smart.fix(action1, `Set the date to ${inWords(REVIEW)}`, 'By when').click();
  await expect(action1.getByLabel('By when')).toHaveValue(day(REVIEW));
  await expect(smart.summary).toContainText('Nothing must be fixed');
  await expect(smart.chip('Time-scaled')).toContainText('Time-scaled: nothing to fix');
  await expect(smart.navLink('Outcomes and actions')).toHaveAccessibleDescription('1 piece of advice');
  await plan.expectSaved();

  // --- Now the circulation is recorded and the plan is agreed.
  await plan.goToSection('Meetings');
  await meetings.open(`Initial child protection conference, ${inWords(-3)}`);
  await panel.getByLabel('Outline plan circulated').fill(day(-1));
  await panel.getByLabel('Outline plan circulated').blur();
  await expect(panel.getByRole('alert').filter({ hasText: 'cannot be recorded as circulated' })).toHaveCount(0);
  await expect(panel.getByLabel('Outline plan circulated')).not.toHaveAttribute('aria-invalid', 'true');

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
  await expect(action1Again.getByLabel('By when')).toHaveValue(day(REVIEW));
  await plan.goToSection('Meetings');
  await meetings.open(`Initial child protection conference, ${inWords(-3)}`);
  await expect(panel.getByLabel('Outline plan circulated')).toHaveValue(day(-1));
});
