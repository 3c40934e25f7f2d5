/**
 * Journey: a plan made before the initial conference is recorded. The new-plan form asks for it
 * ("Not held or booked yet" chosen); What's due then says at the top that every timescale hangs on
 * it, and its button takes the member to the Meetings form set to the conference. Once it is
 * recorded the notice goes and the first core group is due. A plan whose conference is given on
 * the form has it recorded from the start.
 */
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { DueSectionPage } from './pages/deadlines-page.ts';
import { MeetingsPage, expectNoSidewaysScroll, screenshot } from './pages/meetings-page.ts';
import { ICPC, iso, icpcDay } from './support/around-today.ts';
import { dateInput, fillDate } from './pages/date-input.ts';

const NARROWEST = { width: 320, height: 720 };

test('What’s due asks for the initial conference and takes the member to record it', async ({ panel }) => {
  await panel.setViewportSize(NARROWEST);
  const list = new PlanListPage(panel);
  const plan = new PlanPage(panel);
  const due = new DueSectionPage(panel);

  await panel.getByRole('button', { name: 'New plan' }).click();
  const conference = panel.getByRole('group', { name: 'Initial conference' });
  await expect(conference.getByLabel('Not held or booked yet')).toBeChecked();
  // Held on a date still to come is explained, and nothing is created.
  await panel.getByLabel('Family name').fill('Testington');
  await panel.getByRole('group', { name: 'Child 1' }).getByLabel('Name').fill('Ava');
  await fillDate(dateInput(panel.getByRole('group', { name: 'Child 1' }), 'Date of birth'), '2019-03-14');
  await conference.getByLabel('Held', { exact: true }).check();
  await fillDate(dateInput(conference, 'Date it was held'), '2099-01-01');
  await panel.getByRole('button', { name: 'Create plan' }).click();
  await expect(panel.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'This date is still to come, so the conference cannot have been held yet.',
  );
  await expectNoAxeViolations(panel, 'new plan form, conference date in the future');
  await expectNoSidewaysScroll(panel, 'new plan form');
  await screenshot(panel, 'new-plan-conference-error');
  await conference.getByLabel('Not held or booked yet').check();
  await panel.getByRole('button', { name: 'Create plan' }).click();
  await plan.expectOpen('Testington');

  await plan.goToSection('What’s due');
  const notice = due.section.locator('#due-no-conference');
  await expect(notice).toContainText('The initial conference is not recorded yet.');
  await expect(notice).toContainText('Every timescale of this plan counts from it');
  await expectNoAxeViolations(panel, 'what’s due, no conference');
  await expectNoSidewaysScroll(panel, 'what’s due, no conference');
  await screenshot(panel, 'due-no-conference');

  await notice.getByRole('button', { name: 'Record the initial conference' }).click();
  const meetings = new MeetingsPage(panel);
  const kind = meetings.newMeeting.getByLabel('Kind of meeting');
  await expect(kind).toBeFocused();
  await expect(kind).toHaveValue('icpc');
  await fillDate(dateInput(meetings.newMeeting, 'Date'), iso(icpcDay));
  await meetings.newMeeting.getByRole('button', { name: 'Add meeting' }).click();
  await expect(panel.getByRole('heading', { level: 3, name: ICPC })).toBeVisible();

  await plan.goToSection('What’s due');
  await expect(due.item('First core group')).not.toHaveCount(0);
  await expect(notice).toBeHidden();

  // A plan whose conference is given on the form starts with it recorded.
  await list.goto();
  await list.createPlan('Fictionshire', [{ name: 'Isla', dob: '2020-05-05' }], undefined, { date: iso(icpcDay) });
  await plan.expectOpen('Fictionshire');
  await plan.goToSection('What’s due');
  await expect(due.item('First core group')).not.toHaveCount(0);
  await expect(notice).toBeHidden();
  await plan.goToSection('Meetings');
  await expect(meetings.listed()).toHaveCount(1);
  await expect(panel.getByRole('button', { name: `Open ${ICPC}` })).toBeVisible();
});
