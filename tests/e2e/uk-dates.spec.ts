/**
 * Journey: a UK worker types dates day first. An action due 4/7/2027 is 4 July 2027 in the plan,
 * in What's due and after a reload, never 7 April. A date that cannot be gets the GOV.UK message
 * above the boxes, marks only the wrong box and keeps what was typed, and nothing is written. On
 * the new-plan form the error summary's link goes to the first wrong box; Enter in a box sends the
 * date typed, or takes focus to the wrong box. All at 320 px.
 */
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { openNewPlan } from './support/new-plan.ts';
import { OutcomesPage } from './pages/outcomes-page.ts';
import { DueSectionPage } from './pages/deadlines-page.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { expectNoSidewaysScroll, screenshot } from './pages/meetings-page.ts';
import { dateBoxes, dateInput, expectDate, typeDateParts } from './pages/date-input.ts';
import { icpcDay, iso, words } from './support/around-today.ts';

const NARROWEST = { width: 320, height: 720 };
const ACTION = 'Mum walks Ava to school';

test('dates are typed day first, and a date that cannot be is explained without losing what was typed', async ({ panel }) => {
  await panel.setViewportSize(NARROWEST);
  const { plan } = await openNewPlan(panel, [{ name: 'Ava', dob: '2019-03-14' }]);
  const outcomes = new OutcomesPage(panel);
  const due = new DueSectionPage(panel);

  // --- 4 7 2027 typed day first is 4 July 2027.
  await plan.goToSection('Outcomes and actions');
  const outcome = await outcomes.addOutcome("The child's developmental needs", {
    statement: 'Ava sees the dentist and the health visitor',
    measure: 'Dentist and health visitor records',
    due: '2027-08-31',
    sustainability: 'Mum books the next appointment at each visit',
  });
  await outcome.getByRole('button', { name: /^Add an action/ }).click();
  const action = outcomes.action(outcome, 1);
  await action.getByLabel('What will be done').fill(ACTION);
  const byWhen = dateInput(action, 'By when');
  await expect(byWhen).toHaveAccessibleDescription(/For example, 27 3 2026/);
  const boxes = dateBoxes(byWhen);
  await expect(boxes.day).toHaveAttribute('inputmode', 'numeric');
  await typeDateParts(byWhen, '4', '7', '2027');
  await plan.expectSaved();

  await plan.goToSection('What’s due');
  await expect(due.item(ACTION)).toContainText('4 July 2027');
  await expect(due.item(ACTION)).not.toContainText('7 April');

  // --- A month that cannot be: the GOV.UK message, only the month marked, the text kept, nothing written.
  await plan.goToSection('Outcomes and actions');
  await outcomes.expand(outcome);
  await expectDate(byWhen, '2027-07-04');
  await boxes.month.fill('13');
  await boxes.month.blur();
  const error = byWhen.locator('.field-error');
  await expect(error).toHaveText('Date must be a real date');
  await expect(boxes.month).toHaveAttribute('aria-invalid', 'true');
  await expect(boxes.day).not.toHaveAttribute('aria-invalid');
  await expect(boxes.year).not.toHaveAttribute('aria-invalid');
  await expect(boxes.month).toHaveValue('13');
  await expect(byWhen).toHaveAccessibleDescription(/Date must be a real date/);
  await expectNoAxeViolations(panel, 'outcomes, date that cannot be');
  await expectNoSidewaysScroll(panel, 'outcomes, date that cannot be at 320 px');
  await byWhen.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: '.tmp/screens/uk-date-error-320.png' });

  // A missing month, then a two-figure year: each says what is wrong.
  await boxes.month.fill('');
  await boxes.month.blur();
  await expect(error).toHaveText('Date must include a month');
  await boxes.month.fill('7');
  await boxes.year.fill('27');
  await boxes.year.blur();
  await expect(error).toHaveText('Year must include 4 numbers');
  await expect(boxes.year).toHaveAttribute('aria-invalid', 'true');
  await expect(boxes.month).not.toHaveAttribute('aria-invalid');
  // 31 April: the day is wrong.
  await typeDateParts(byWhen, '31', '4', '2027');
  await expect(error).toHaveText('Date must be a real date');
  await expect(boxes.day).toHaveAttribute('aria-invalid', 'true');
  await expect(boxes.month).not.toHaveAttribute('aria-invalid');

  // None of it was written: What's due still has 4 July 2027.
  await plan.goToSection('What’s due');
  await expect(due.item(ACTION)).toContainText('4 July 2027');

  // Fixed, the message goes and the new date is written; a reload shows it in the boxes.
  await plan.goToSection('Outcomes and actions');
  await outcomes.expand(outcome);
  await typeDateParts(byWhen, '30', '4', '2027');
  await expect(error).toHaveCount(0);
  await expect(boxes.day).not.toHaveAttribute('aria-invalid');
  await plan.expectSaved();
  await panel.reload();
  await plan.expectOpen('Testington');
  await plan.goToSection('What’s due');
  await expect(due.item(ACTION)).toContainText('30 April 2027');

  // --- The new-plan form: the summary names the date's problem and its link goes to the first wrong box.
  const list = new PlanListPage(panel);
  await list.goto();
  await panel.getByRole('button', { name: 'New plan' }).click();
  await panel.getByLabel('Family name').fill('Sampleton');
  const child = panel.getByRole('group', { name: 'Child 1' });
  await child.getByLabel('Name').fill('Isla');
  const dob = dateInput(child, 'Date of birth');
  await typeDateParts(dob, '14', '', '2019');
  await panel.getByRole('button', { name: 'Create plan' }).click();
  const summary = panel.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link')).toHaveText(['Date must include a month']);
  await expect(dob.locator('.field-error')).toHaveText('Date must include a month');
  await expect(dateBoxes(dob).day).toHaveValue('14');
  await expectNoAxeViolations(panel, 'new plan form, date of birth without a month');
  await expectNoSidewaysScroll(panel, 'new plan form, date error at 320 px');
  await screenshot(panel, 'uk-date-new-plan-error-320');
  await summary.getByRole('link', { name: 'Date must include a month' }).click();
  await expect(dateBoxes(dob).month).toBeFocused();
  await panel.keyboard.type('3');
  await panel.getByRole('button', { name: 'Create plan' }).click();
  await plan.expectOpen('Sampleton');
  await expectDate(dateInput(panel.getByRole('group', { name: 'Isla' }), 'Date of birth'), '2019-03-14');
});

test('the date a plan ended is typed day first with the keyboard, and Enter sends what was typed', async ({ panel }) => {
  await panel.setViewportSize(NARROWEST);
  const { plan } = await openNewPlan(panel, [{ name: 'Ava', dob: '2009-03-14' }]);
  await plan.goToSection('Family and children');
  const status = panel.getByRole('region', { name: 'Plan status' });
  await status.getByRole('radio', { name: 'Ended' }).check();
  await status.getByLabel('Why the plan is ending').selectOption({ label: 'The child has reached 18' });
  const endedOn = dateInput(status, 'Date the plan ended');
  const boxes = dateBoxes(endedOn);
  const [year, month, day] = iso(icpcDay).split('-') as [string, string, string];

  // A year of one figure, sent with Enter: the message, focus on the year, the typing kept, nothing saved.
  await boxes.day.focus();
  await panel.keyboard.type(String(Number(day)));
  await panel.keyboard.press('Tab');
  await panel.keyboard.type(String(Number(month)));
  await panel.keyboard.press('Tab');
  await panel.keyboard.type(year.slice(0, 1));
  await panel.keyboard.press('Enter');
  await expect(endedOn.locator('.field-error')).toHaveText('Year must include 4 numbers');
  await expect(boxes.year).toBeFocused();
  await expect(boxes.year).toHaveAttribute('aria-invalid', 'true');
  await expect(boxes.day).toHaveValue(String(Number(day)));
  await expect(status).toContainText('The plan is outline.');
  await expectNoAxeViolations(panel, 'plan status, end date with a short year');
  await expectNoSidewaysScroll(panel, 'plan status, end date at 320 px');
  await endedOn.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: '.tmp/screens/uk-date-ended-on-320.png' });

  // The rest of the year and Enter again: saved as typed, day first.
  await panel.keyboard.type(year.slice(1));
  await panel.keyboard.press('Enter');
  await expect(status).toContainText(`The plan is ended, since ${words(icpcDay)}: the child has reached 18.`);
  await plan.expectSaved();
});
