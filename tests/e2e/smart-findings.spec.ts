/**
 * Journey: a lead social worker writes a plan with jargon in the danger statement and a vague
 * action ("Support mum": no owner, no measure, no date). Findings appear under the fields as they
 * type, counted per SMART letter and per section; the jargon is fixed in one click and stays fixed
 * after a reload. (Agreement and circulation refused until the action is fixed:
 * smart-agreement.spec.ts.)
 */
import { openNewPlan } from './support/new-plan.ts';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { OutcomesPage, screenshotsDown } from './pages/outcomes-page.ts';
import { expectNoSidewaysScroll } from './pages/meetings-page.ts';
import { DANGER, ICPC_PLAIN, SCHOOL_OUTCOME, SmartPage, completePlan } from './pages/smart-page.ts';
import { dateInput } from './pages/date-input.ts';

test('findings appear as a vague plan is typed, counted per letter and per section, and jargon is fixed in one click', async ({ panel }) => {
  const { plan } = await openNewPlan(panel, [{ name: 'Ava', dob: '2019-03-14' }]);
  const smart = new SmartPage(panel);
  const outcomes = new OutcomesPage(panel);

  // --- A new plan opens calm: no counts before anything is typed (calm-first-screen.spec.ts).
  await expect(smart.navLink('Core group')).toHaveAccessibleDescription('');
  await expect(smart.navLink('Contingency and contact')).toHaveAccessibleDescription('');

  // --- Core group, the review booked, and the conference held.
  await completePlan.coreGroup(panel);
  await expect(smart.navLink('Core group')).toHaveAccessibleDescription('');
  await completePlan.conferences(panel);
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
  await completePlan.contingency(panel);
  await expect(smart.navLink('Contingency and contact')).toHaveAccessibleDescription('');

  // --- An outcome with a vague action: findings appear as it is typed.
  await plan.goToSection('Outcomes and actions');
  const school = await outcomes.addOutcome(SCHOOL_OUTCOME.domain, SCHOOL_OUTCOME);
  await expect(smart.summary).toContainText('1 to fix before the plan can be agreed');
  await school.getByRole('button', { name: /^Add an action/ }).click();
  const action = outcomes.action(school, 1);
  const description = action.getByLabel('What will be done');
  await description.fill('Support mum');
  await expect(await smart.findingsOf(description)).toContainText('“Support mum” is too short to be clear.');
  await expect(description).toHaveAccessibleDescription(/too short to be clear/);
  await expect(await smart.findingsOf(action.getByLabel('Who will do it'))).toContainText('Say who will do this');
  await expect(await smart.findingsOf(action.getByLabel('How it will be measured'))).toContainText('Say how we will know');
  await expect(await smart.findingsOf(dateInput(action, 'By when'))).toContainText('Say when this action will be done by.');
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

  // --- Reload: the one-click fix is kept.
  await panel.reload();
  await plan.expectOpen('Testington');
  await plan.goToSection('Strengthening Families');
  await expect(panel.getByRole('textbox', { name: DANGER, exact: true })).toContainText(`agreed at ${ICPC_PLAIN}.`);
});
