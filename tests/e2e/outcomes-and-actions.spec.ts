/**
 * Journey: with a core group of three, a lead social worker writes two outcomes in different
 * domains with two actions each, adds progress notes, reorders actions by keyboard and by drag,
 * removes and restores an outcome, sees a member who leaves still named as an owner, and finds it
 * all, in order, after reloading. (Setting up the core group itself: core-group.spec.ts.)
 */
import { openNewPlan } from './support/new-plan.ts';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { CoreGroupPage, OutcomesPage, screenshotsDown } from './pages/outcomes-page.ts';
import { dateBoxes, dateInput, expectDate, fillDate } from './pages/date-input.ts';

const DEV = "The child's developmental needs";
const PARENTING = 'Parenting capacity';

test('outcomes and actions are written, reordered, restored and kept', async ({ panel }) => {
  // Who is at this machine: "Add me" and progress notes use it.
  const { plan } = await openNewPlan(panel, [{ name: 'Ava', dob: '2019-03-14' }], { name: 'Sam Jones', agency: "Children's Social Care", role: 'Lead social worker' });

  // The core group the actions' owners come from.
  const group = new CoreGroupPage(panel);
  await plan.goToSection('Core group');
  await group.addMe();
  await expect(group.member('Sam Jones')).toBeVisible();
  await group.addMember({ name: 'Priya Shah', agency: 'Health', role: 'Health visitor', contact: '01234 567890' });
  await group.addMember({ name: 'Ms Green', agency: 'Oak Tree Primary', role: 'Designated safeguarding lead' });

  // --- Outcomes, empty.
  const outcomes = new OutcomesPage(panel);
  await plan.goToSection('Outcomes and actions');
  await expect(outcomes.domain(DEV).getByText('No outcomes yet.')).toBeVisible();
  await expectNoAxeViolations(panel, 'outcomes, empty');

  // --- Two outcomes in different domains, two actions each, owners from the members.
  const school = await outcomes.addOutcome(DEV, {
    statement: 'Ava is at school on time every day',
    measure: 'School attendance above 95% each half term',
    due: '2027-07-16',
    sustainability: 'Mum has a morning routine she keeps without reminders',
  });
  const walk = await outcomes.addAction(school, {
    description: 'Mum walks Ava to school',
    owner: "Sam Jones (Children's Social Care)",
    due: '2027-04-30',
    measure: 'Register shows Ava in by 8.50',
  });
  await expect(walk.getByLabel('Agency', { exact: true })).toHaveValue("Children's Social Care");
  await walk.getByLabel('Agency', { exact: true }).fill('Family support');
  await walk.getByLabel('Status', { exact: true }).selectOption({ label: 'In progress' });
  await walk.getByLabel('The agency has agreed to do this').check();
  const rings = await outcomes.addAction(school, {
    description: 'School rings Mum by 9.30 if Ava is not in',
    owner: 'Ms Green (Oak Tree Primary)',
    due: '2027-04-30',
    measure: 'Call log kept by the school office',
  });
  await expect(rings.getByLabel('Agency', { exact: true })).toHaveValue('Oak Tree Primary');

  const calm = await outcomes.addOutcome(PARENTING, {
    statement: 'Evenings at home are calm and safe',
    measure: 'Ava scores home 8 or more out of 10 at each visit',
    due: '2027-09-30',
    sustainability: 'Parents use the plan from the parenting course without support',
  });
  await outcomes.addAction(calm, {
    description: 'Parents start the parenting course',
    owner: "Sam Jones (Children's Social Care)",
    due: '2027-05-14',
    measure: 'Course attendance record',
  });
  await outcomes.addAction(calm, {
    description: 'Priya visits every two weeks at bedtime',
    owner: 'Priya Shah (Health)',
    due: '2027-06-30',
    measure: 'Visit notes shared with the group',
  });

  // A progress note: first without words (an error by the field, nothing added), then properly.
  const notes = walk.getByRole('group', { name: 'Progress notes' });
  await expect(dateBoxes(dateInput(notes, 'Date of the progress')).year).toHaveValue(/^\d{4}$/);
  await notes.getByRole('button', { name: /^Add progress note/ }).click();
  await expect(notes.getByText('Enter what progress has been made.')).toBeVisible();
  await expect(notes.getByLabel('What has happened')).toBeFocused();
  await expectNoAxeViolations(panel, 'outcomes, progress note without words');
  await fillDate(dateInput(notes, 'Date of the progress'), '2025-11-03');
  await notes.getByLabel('What has happened').fill('Ava was in on time every day this week');
  await notes.getByRole('button', { name: /^Add progress note/ }).click();
  await expect(notes.getByRole('listitem')).toHaveText(['3 November 2025: Ava was in on time every day this week (added by Sam Jones)']);
  await expect(notes.getByText('Enter what progress has been made.')).toHaveCount(0);

  // --- Reorder by keyboard: focus stays on the moved action, its new place is announced.
  const up = panel.getByRole('button', { name: "Move action 'School rings Mum by 9.30 if Ava is not in' up" });
  await up.focus();
  await panel.keyboard.press('Enter');
  await expect.poll(() => outcomes.actionDescriptions(school)).toEqual(['School rings Mum by 9.30 if Ava is not in', 'Mum walks Ava to school']);
  await expect(panel.getByRole('button', { name: "Move action 'School rings Mum by 9.30 if Ava is not in' down" })).toBeFocused();
  await expect(outcomes.liveRegion()).toHaveText("Action 'School rings Mum by 9.30 if Ava is not in' moved to position 1 of 2.");

  // --- Reorder by drag: the second action of the other outcome dropped on the top half of the first.
  const from = await outcomes.actionRow(calm, 'Priya visits every two weeks at bedtime');
  const onto = await outcomes.actionRow(calm, 'Parents start the parenting course');
  // An action card is taller than half the panel: make room to see both ends of the drag at once.
  await panel.setViewportSize({ width: 400, height: 1600 });
  await onto.scrollIntoViewIfNeeded();
  await from.locator('.handle').dragTo(onto, { targetPosition: { x: 40, y: 8 } });
  await panel.setViewportSize({ width: 400, height: 900 });
  await expect.poll(() => outcomes.actionDescriptions(calm)).toEqual(['Priya visits every two weeks at bedtime', 'Parents start the parenting course']);
  await expect(outcomes.liveRegion()).toHaveText("Action 'Priya visits every two weeks at bedtime' moved to position 1 of 2.");

  // --- Remove an outcome and restore it, with its actions.
  await panel.getByRole('button', { name: "Remove outcome 'Evenings at home are calm and safe'" }).click();
  await expect(outcomes.domain(PARENTING).getByText('No outcomes yet.')).toBeVisible();
  const restore = panel.getByRole('button', { name: "Restore outcome 'Evenings at home are calm and safe'" });
  await expect(restore).toBeFocused();
  await expect(panel.getByText(/Outcome 'Evenings at home are calm and safe' \(Parenting capacity, with 2 actions\)/)).toBeVisible();
  await expectNoAxeViolations(panel, 'outcomes, one removed');
  await panel.screenshot({ path: '.tmp/screens/outcomes-removed.png' });
  await restore.click();
  await expect.poll(() => outcomes.statements(PARENTING)).toEqual(['Evenings at home are calm and safe']);
  await expect.poll(() => outcomes.actionDescriptions(calm)).toEqual(['Priya visits every two weeks at bedtime', 'Parents start the parenting course']);
  await expect(panel.getByText(/^Removed outcomes and actions/)).toHaveCount(0);

  // --- Changing an outcome's domain moves it to that group, keeping focus on the field.
  await calm.getByLabel('Assessment domain').selectOption({ label: 'Family and environmental factors' });
  await expect.poll(() => outcomes.statements('Family and environmental factors')).toEqual(['Evenings at home are calm and safe']);
  await expect(calm.getByLabel('Assessment domain')).toBeFocused();
  await calm.getByLabel('Assessment domain').selectOption({ label: PARENTING });
  await expect.poll(() => outcomes.statements(PARENTING)).toEqual(['Evenings at home are calm and safe']);

  await plan.expectSaved();
  await expectNoAxeViolations(panel, 'outcomes, filled in');
  await screenshotsDown(panel, 'outcomes');
  await panel.setViewportSize({ width: 320, height: 900 });
  // Reflow: nothing scrolls sideways at the narrowest side panel.
  expect(await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await screenshotsDown(panel, 'outcomes-320');
  await panel.setViewportSize({ width: 400, height: 900 });

  // --- A member who leaves still reads as the owner of their actions.
  await plan.goToSection('Core group');
  await group.removeMember('Ms Green');
  await expect(panel.getByRole('button', { name: 'Restore Ms Green to the core group' })).toBeFocused();
  await plan.goToSection('Outcomes and actions');
  const ringsAgain = outcomes.action(outcomes.outcome('Ava is at school on time every day'), 1);
  await outcomes.outcome('Ava is at school on time every day').locator('summary').click();
  await expect(ringsAgain.getByLabel('Who will do it').locator('option:checked')).toHaveText('Former member: Ms Green');
  await expect(ringsAgain.getByText('Ms Green has left the core group. Choose who will do this now.')).toBeVisible();
  await expectNoAxeViolations(panel, 'outcomes, owner has left');
  await ringsAgain.getByLabel('Who will do it').scrollIntoViewIfNeeded();
  await panel.screenshot({ path: '.tmp/screens/outcomes-former-owner.png' });
  await plan.goToSection('Core group');
  await group.restoreMember('Ms Green');
  await expect(group.member('Ms Green').getByLabel('Name')).toBeFocused();
  await plan.expectSaved();

  // --- Reload: everything is there, in order.
  await panel.reload();
  await plan.expectOpen('Testington');
  await plan.goToSection('Outcomes and actions');
  await expect.poll(() => outcomes.statements(DEV)).toEqual(['Ava is at school on time every day']);
  await expect.poll(() => outcomes.statements(PARENTING)).toEqual(['Evenings at home are calm and safe']);
  const school2 = outcomes.outcome('Ava is at school on time every day');
  const calm2 = outcomes.outcome('Evenings at home are calm and safe');
  await school2.locator('summary').click();
  await calm2.locator('summary').click();
  await expectDate(dateInput(school2, 'By when').first(), '2027-07-16');
  await expect.poll(() => outcomes.actionDescriptions(school2)).toEqual(['School rings Mum by 9.30 if Ava is not in', 'Mum walks Ava to school']);
  await expect.poll(() => outcomes.actionDescriptions(calm2)).toEqual(['Priya visits every two weeks at bedtime', 'Parents start the parenting course']);
  const walk2 = outcomes.action(school2, 2);
  await expect(walk2.getByLabel('Agency', { exact: true })).toHaveValue('Family support');
  await expect(walk2.getByLabel('Status', { exact: true })).toHaveValue('in-progress');
  await expect(walk2.getByLabel('The agency has agreed to do this')).toBeChecked();
  await expect(walk2.getByLabel('Who will do it').locator('option:checked')).toHaveText("Sam Jones (Children's Social Care)");
  await expect(walk2.getByRole('group', { name: 'Progress notes' }).getByRole('listitem')).toHaveText([
    '3 November 2025: Ava was in on time every day this week (added by Sam Jones)',
  ]);
  await expect(outcomes.action(school2, 1).getByLabel('Who will do it').locator('option:checked')).toHaveText('Ms Green (Oak Tree Primary)');
  await screenshotsDown(panel, 'outcomes-after-reload');
});
