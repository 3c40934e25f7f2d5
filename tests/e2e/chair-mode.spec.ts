/**
 * Journey: the chair runs a core group from the side panel while a colleague on another machine
 * follows it: agenda items advanced and seen by both, a round of views, a decision with dissent,
 * closing refused while a new action is not SMART, then closed with the next dates proposed
 * within the rules and minutes that contain what was recorded.
 */
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures.ts';
import { CoreGroupPage, OutcomesPage } from './pages/outcomes-page.ts';
import { openMember, twoMachinesEachTest } from './support/member.ts';
import { format } from 'date-fns';
import { dateInput, fillDate } from './pages/date-input.ts';

/** The meeting is held today (the panel's date), as the version's name says it. */
const today = format(new Date(), 'd MMMM yyyy');

const machines = twoMachinesEachTest();


test('a chair runs a core group that a colleague follows, and closes it with minutes and next dates', async () => {
  test.setTimeout(240_000);
  const a = await openMember(machines.alice, { name: 'Sam Sample', agency: 'Children’s Social Care', role: 'Team manager' }, machines.server.url);
  const b = await openMember(machines.bob, { name: 'Jo Example', agency: 'Health', role: 'Health visitor' }, machines.server.url);

  await a.list.goto();
  // Wirral's standards set how often core groups meet (at least every 6 weeks), so closing one proposes the next.
  await a.list.createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }], 'Wirral Multi-agency Standards for Child Protection (2016)');
  await a.plan.expectOpen('Testington');
  await a.plan.goToSection('Core group');
  const group = new CoreGroupPage(a.page);
  await group.addMe();
  await expect(group.member('Sam Sample')).toBeVisible();
  await group.addMember({ name: 'Jo Example', agency: 'Health', role: 'Health visitor' });
  await expect(group.member('Jo Example')).toBeVisible();
  await expect(a.page.getByLabel('Chair', { exact: true }).locator('option')).toContainText(['Nobody chosen', 'Sam Sample (Children’s Social Care)', 'Jo Example (Health)'], { timeout: 5000 });
  const chairSelect = a.page.getByLabel('Chair', { exact: true });
  await chairSelect.selectOption((await chairSelect.locator('option', { hasText: 'Sam Sample' }).getAttribute('value'))!);

  const link = await a.sync.share();
  await b.sync.join(link, a.sync);
  await b.plan.expectOpen('Testington');
  await a.sync.expectOnlineWith(1);

  // The chair starts the meeting; the colleague sees the current item wherever they are.
  await a.plan.goToSection('Live meeting');
  await a.chair.startCoreGroup();
  await expect(a.chair.currentItem).toHaveText('Significant events since the last meeting');
  await b.plan.goToSection('Strengthening Families');
  await expect(b.chair.banner).toContainText('Item 1 of 4: Significant events since the last meeting');
  await a.chair.nextItem();
  await expect(b.chair.banner).toContainText('Item 2 of 4: Progress against the plan’s outcomes');
  await expect(b.chair.banner).toContainText('court orders');
  await expect(b.chair.banner.getByRole('link', { name: 'Go to Outcomes and actions' })).toBeVisible();
  await a.page.getByLabel('Notes on “Progress against the plan’s outcomes”').fill('Ava has started at nursery three days a week.');

  // Attendance from presence, confirmed by the chair.
  await a.page.getByRole('button', { name: 'Mark everyone here now as present' }).click();
  await expect(a.page.getByText(/Marked present: .*Jo Example/)).toBeVisible();

  // A round: each records their view.
  await a.page.getByRole('button', { name: 'Start a round' }).click();
  await a.page.getByLabel(/^Sam Sample.*\(your view\)/).fill('6: things are better at bedtime.');
  await a.page.getByLabel(/^Sam Sample.*\(your view\)/).blur();
  await b.plan.goToSection('Live meeting');
  await b.page.getByLabel(/^Jo Example.*\(your view\)/).fill('5: missed two health appointments.');
  await b.page.getByLabel(/^Jo Example.*\(your view\)/).blur();
  await expect(a.page.getByRole('textbox', { name: 'Jo Example, Health' })).toHaveValue('5: missed two health appointments.');

  // A decision, with dissent and its reasons.
  await a.page.getByRole('combobox', { name: 'Decision', exact: true }).fill('The child protection plan continues');
  await a.page.getByRole('button', { name: 'Record decision' }).click();
  await a.page.getByLabel('Who disagrees').fill('Jo Example');
  await a.page.getByLabel('Agency', { exact: true }).last().fill('Health');
  await a.page.getByRole('button', { name: 'Record dissent' }).click();
  await expect(a.page.getByText('Enter their reasons. Dissent is always recorded with its reasons.')).toBeVisible();
  await a.page.getByLabel('Reasons').fill('Health would ask for weekly visits first');
  await a.page.getByRole('button', { name: 'Record dissent' }).click();
  await expect(a.page.getByText('Dissent: Jo Example (Health): Health would ask for weekly visits first')).toBeVisible();
  await expectNoAxeViolations(a.page, 'chair mode, running');
  await expectNoAxeViolations(b.page, 'member view of a running meeting');

  // A new action that is not SMART stops the meeting closing.
  await a.plan.goToSection('Outcomes and actions');
  const outcomes = new OutcomesPage(a.page);
  const outcome = await outcomes.addOutcome("The child's developmental needs", {
    statement: 'Ava goes to nursery every day she is due',
    measure: 'Nursery register',
    due: '2027-02-01',
    sustainability: 'Attendance stays above 90% for three months',
  });
  await outcome.getByRole('button', { name: /^Add an action/ }).click();
  await outcome.getByLabel('What will be done').last().fill('Support mum');
  await a.plan.goToSection('Live meeting');
  await a.page.getByRole('button', { name: 'Close the meeting' }).click();
  const refusal = a.page.getByRole('alert').filter({ hasText: 'The meeting cannot close yet' });
  await expect(refusal).toContainText('Support mum');

  // Made SMART, the meeting closes: minutes drafted, next dates proposed within the rules.
  await a.plan.goToSection('Outcomes and actions');
  // Sections remount when revisited: the outcome may be folded again.
  if ((await outcome.getAttribute('open')) === null) await outcome.locator('summary').click();
  const action = outcome.locator('fieldset.action').last();
  await action.getByLabel('What will be done').fill('Mum walks Ava to nursery each morning she is due');
  await action.getByLabel('Who will do it').selectOption({ label: 'Jo Example (Health)' });
  await fillDate(dateInput(action, 'By when'), '2027-01-15');
  await action.getByLabel('How it will be measured').fill('Nursery register each Friday');
  await a.plan.goToSection('Live meeting');
  // Closing asks first, saying what was recorded and the version it saves; cancelling leaves the meeting running.
  await a.page.getByRole('button', { name: 'Close the meeting' }).click();
  const question = a.chair.closeDialog;
  await expect(question).toHaveAccessibleName('Close the core group meeting?');
  await expect(question).toContainText('Recorded in this meeting: 1 decision and 1 new action.');
  await expect(question).toContainText(`as the version “Core group meeting, ${today} — closed: 1 decision, 1 new action”`);
  await expectNoAxeViolations(a.page, 'closing the meeting, confirmation');
  await a.page.screenshot({ path: '.tmp/screens/chair-close-confirm.png' });
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  await expect(a.page.getByRole('heading', { name: 'Agenda' })).toBeVisible();
  await expect(b.page.getByRole('heading', { name: 'Agenda' })).toBeVisible();
  await a.chair.closeMeeting();
  await expect(a.page.getByRole('heading', { name: 'Next dates' })).toBeVisible();
  await expect(b.chair.banner).toHaveCount(0);
  await a.page.screenshot({ path: '.tmp/screens/chair-closed.png' });
  await expectNoAxeViolations(a.page, 'meeting closed');

  await a.plan.goToSection('Meetings');
  await a.page.getByRole('button', { name: /Core group/ }).first().click();
  const minutes = a.page.getByRole('textbox', { name: 'Minutes', exact: true });
  await expect(minutes).toContainText('Present: Sam Sample (Children’s Social Care); Jo Example (Health).');
  await expect(minutes).toContainText('Ava has started at nursery three days a week.');
  await expect(minutes).toContainText('Jo Example (Health): 5: missed two health appointments.');
  await expect(minutes).toContainText('Dissent: Jo Example (Health): Health would ask for weekly visits first');
  await expect(minutes).toContainText('New action: Mum walks Ava to nursery each morning she is due — Jo Example');

  // The plan as the meeting left it is kept as a version named for what happened.
  await a.plan.goToSection('History');
  await expect(a.page.getByRole('list', { name: 'Saved versions' }).getByText(`Core group meeting, ${today} — closed: 1 decision, 1 new action`)).toBeVisible();
  await expect(a.page.getByText(/As agreed at/)).toHaveCount(0);
});
