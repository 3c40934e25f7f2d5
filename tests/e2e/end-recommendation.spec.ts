/**
 * Journey: a team manager chairs a core group that recommends the plan ends (seed 003, Wirral 7.1
 * and 7.4). A recommendation without reasons or a date is explained and not recorded; recorded, it
 * carries its reasons, the date the review conference is asked for by, and a colleague's dissent
 * with their reasons. Closed, the meeting's minutes say so; the professional print says so; and
 * What's due shows the next review conference brought forward to that date.
 */
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { MeetingsPage, screenshot } from './pages/meetings-page.ts';
import { DueSectionPage, SettingsDeadlinesPage } from './pages/deadlines-page.ts';
import { CoreGroupPage } from './pages/outcomes-page.ts';
import { ChairPage } from './pages/chair-page.ts';
import { PrintAndBackupPage } from './pages/print-page.ts';
import { declareIdentity } from './pages/settings-page.ts';
import { dateInput, fillDate } from './pages/date-input.ts';

const WIRRAL = 'Wirral Multi-agency Standards for Child Protection (2016)';

test('a core group recommends the plan ends: kept with reasons and dissent, in the minutes and print, and the review brought forward', async ({ ext, panel }) => {
  test.setTimeout(120_000);
  const plan = new PlanPage(panel);
  const chair = new ChairPage(panel);

  await declareIdentity(panel, { name: 'Sam Sample', agency: 'Children’s Social Care', role: 'Team manager' });
  await new SettingsDeadlinesPage(panel).pretendTodayIs('2026-06-01');
  const list = new PlanListPage(panel);
  await list.goto();
  await list.createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }], WIRRAL);
  await plan.expectOpen('Testington');

  // The plan's conferences: the next review is due within 6 months of the last (T13).
  await plan.goToSection('Meetings');
  const meetings = new MeetingsPage(panel);
  await meetings.addMeeting('Initial child protection conference', 'Held', '2026-02-02');
  await meetings.back();
  await meetings.addMeeting('Review child protection conference', 'Held', '2026-04-27');
  await meetings.back();
  await plan.goToSection('What’s due');
  const due = new DueSectionPage(panel);
  await expect(due.item('Next review conference')).toContainText('Due Tuesday 27 October 2026');

  await plan.goToSection('Core group');
  const group = new CoreGroupPage(panel);
  await group.addMe();
  await expect(group.member('Sam Sample')).toBeVisible();
  await group.choose('Chair', 'Sam Sample (Children’s Social Care)');

  // The core group, chaired by a team manager, recommends that the plan ends.
  await plan.goToSection('Live meeting');
  await chair.startCoreGroup();
  const end = panel.getByRole('region', { name: 'Recommending that the plan ends' });
  await end.getByRole('button', { name: 'Record the recommendation' }).click();
  await expect(end.locator('.field-error')).toHaveText([
    'Record why the core group recommends that the plan ends.',
    'Enter the date the review conference should be held by.',
  ]);
  await expect(end.getByLabel('Why the core group recommends that the plan ends')).toBeFocused();
  await end.getByLabel('Why the core group recommends that the plan ends').fill('Ava has been safe at home for six months and attends nursery every day.');
  await fillDate(dateInput(end, 'Review conference to be held by'), '2026-06-15');
  await end.getByRole('button', { name: 'Record the recommendation' }).click();
  await expect(end.getByText('The core group recommends that the plan ends.')).toBeVisible();
  await expect(end).toContainText('Review conference asked for by 15 June 2026');
  await expect(panel.getByText('A core group recommending that the plan ends must be chaired by a team manager.')).toHaveCount(0);

  // A colleague disagrees, with reasons.
  await end.getByRole('button', { name: 'Record dissent from the recommendation' }).click();
  await expect(end.locator('.field-error')).toHaveText(['Enter who disagrees.', 'Enter their reasons. Dissent is always recorded with its reasons.']);
  await end.getByLabel('Who disagrees').fill('Jo Example');
  await end.getByLabel('Agency').fill('Health');
  await end.getByLabel('Reasons').fill('Too soon after the move to the new flat.');
  await end.getByRole('button', { name: 'Record dissent from the recommendation' }).click();
  await expect(end.getByRole('listitem')).toHaveText('Jo Example (Health): Too soon after the move to the new flat.');
  await expectNoAxeViolations(panel, 'chair mode, recommending that the plan ends');
  await screenshot(panel, 'end-recommendation');

  // What's due: the next review conference, brought forward to the date asked for.
  await plan.goToSection('What’s due');
  const review = due.item('Next review conference, brought forward');
  await expect(review).toContainText('Due Monday 15 June 2026');
  await expect(review).toContainText('The core group on Monday 1 June 2026 recommended that the plan ends');
  await expect(review).toContainText('otherwise due Tuesday 27 October 2026');
  await expectNoAxeViolations(panel, 'what’s due, review brought forward');
  await screenshot(panel, 'end-recommendation-due');

  // Closed, the minutes carry it.
  await plan.goToSection('Live meeting');
  await new ChairPage(panel).closeMeeting();
  await plan.goToSection('Meetings');
  await panel.getByRole('button', { name: /Core group/ }).first().click();
  const minutes = panel.getByRole('textbox', { name: 'Minutes', exact: true });
  await expect(minutes).toContainText(
    'Recommendation to the review conference: the plan ends. Reasons: Ava has been safe at home for six months and attends nursery every day. The review conference is asked for by 15 June 2026.',
  );
  await expect(minutes).toContainText('Dissent from the recommendation: Jo Example (Health): Too soon after the move to the new flat.');

  // And the professional print.
  await plan.goToSection('Print and backup');
  const print = await new PrintAndBackupPage(panel, ext.context).openPrint('Print for professionals');
  const meeting = print.getByRole('article').locator('.meeting').filter({ hasText: 'Recommendation to the review conference' });
  await expect(meeting).toContainText('The core group recommends that the plan ends. Reasons: Ava has been safe at home for six months');
  await expect(meeting).toContainText('The review conference is asked for by 15 June 2026.');
  await expect(meeting).toContainText('Jo Example (Health): Too soon after the move to the new flat.');
  await expectNoAxeViolations(print, 'professional print with a recommendation that the plan ends');
  await screenshot(print, 'end-recommendation-print');
});
