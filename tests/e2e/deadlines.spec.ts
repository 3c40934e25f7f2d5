/**
 * Journey: a team manager sets a training date, copies the Wirral timescales and changes a figure
 * (a mistake is explained and nothing saved), starts a plan, records the initial conference and
 * books the next dates it proposes, reads what is due with each rule and source, switches the plan
 * to the copy, then moves the pretend date on and sees items overdue in the plan, across plans
 * and on the toolbar badge (no names there); after a reload it is all still there.
 */
import { format } from 'date-fns';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { MeetingsPage, expectNoSidewaysScroll, screenshot } from './pages/meetings-page.ts';
import { DueSectionPage, NextDatesPage, SettingsDeadlinesPage, badgeText, badgeTitle } from './pages/deadlines-page.ts';
import { dateInput, expectDate } from './pages/date-input.ts';

const WIRRAL = 'Wirral Multi-agency Standards for Child Protection (2016)';
const ICPC = 'Initial child protection conference, 2 March 2026';

test('next dates are proposed and booked, what is due is listed with its rule, and overdue items reach the badge', async ({ ext, panel }) => {
  test.setTimeout(150_000);
  const settings = new SettingsDeadlinesPage(panel);
  const list = new PlanListPage(panel);
  const plan = new PlanPage(panel);

  // A training date: Monday 2 March 2026. A missing date is refused with a message.
  await settings.open();
  await settings.pretendForm.getByRole('button', { name: 'Pretend it is this date' }).click();
  await expect(settings.pretendForm.locator('.field-error')).toHaveText('Enter the date to pretend it is, with day, month and year.');
  await expect(settings.banner).toBeHidden();
  await expectNoAxeViolations(panel, 'settings, pretend date missing');
  await settings.pretendTodayIs('2026-03-02');
  await expect(settings.banner).toContainText('Everything counts as if today were Monday 2 March 2026.');
  await expectDate(dateInput(settings.pretendForm, 'Pretend today is'), '2026-03-02');

  // A copy of the Wirral timescales with a bad figure: explained beside the field, nothing saved.
  await settings.copyProfile(WIRRAL, 'Our partnership (2026)');
  await expect(panel.getByRole('heading', { level: 3, name: 'Change the figures of Our partnership (2026)' })).toBeFocused();
  const firstCoreGroup = settings.rule('First core group, after the initial conference');
  await firstCoreGroup.getByLabel('Figure').fill('ten');
  await panel.getByLabel('Short name, used when a deadline cites its source').fill('Our partnership');
  await panel.getByRole('button', { name: 'Save profile' }).click();
  await expect(firstCoreGroup.locator('.field-error')).toHaveText('The figure must be a whole number from 0 to 1000.');
  await expect(panel.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
  await expectNoAxeViolations(panel, 'profile editor, bad figure');
  await screenshot(panel, 'deadlines-profile-error');
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await panel.getByRole('button', { name: 'Change the figures of Our partnership (2026)' }).click();
  await expect(firstCoreGroup.getByLabel('Figure')).toHaveValue('10'); // the bad figure was not saved
  await firstCoreGroup.getByLabel('Figure').fill('8');
  await panel.getByLabel('Short name, used when a deadline cites its source').fill('Our partnership');
  await panel.getByRole('button', { name: 'Save profile' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved Our partnership (2026).' })).toBeAttached();
  await expectNoAxeViolations(panel, 'settings, own profile listed');
  await expectNoSidewaysScroll(panel, 'settings');
  await screenshot(panel, 'deadlines-settings');

  // The new-plan form offers every shipped profile and the copy.
  await list.goto();
  await panel.getByRole('button', { name: 'New plan' }).click();
  await expect(panel.getByLabel('Timescales').locator('option', { hasText: 'Our partnership (2026) (your copy)' })).toHaveCount(1);
  const choices = await panel.getByLabel('Timescales').locator('option').allTextContents();
  expect(choices).toEqual(expect.arrayContaining(['National: Working Together to Safeguard Children 2023', WIRRAL, 'Our partnership (2026) (your copy)']));
  expect(choices.length).toBeGreaterThanOrEqual(7);
  await list.goto();
  await list.createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }], WIRRAL);
  await plan.expectOpen('Testington');
  await expect(settings.banner).toBeVisible();

  // Recording the initial conference proposes the next dates within the limits; book them.
  await plan.goToSection('Meetings');
  const meetings = new MeetingsPage(panel);
  await meetings.addMeeting('Initial child protection conference', 'Held', '2026-03-02');
  await expect(panel.getByRole('heading', { level: 3, name: ICPC })).toBeFocused();
  const next = new NextDatesPage(panel);
  await expect(next.proposal('First core group')).toContainText('by Monday 16 March 2026');
  await expect(next.proposal('First core group')).toContainText('First core group within 10 working days of the initial conference (Wirral 2016, 6.3, 7.3).');
  await expect(next.proposal('First review conference')).toContainText('by Tuesday 2 June 2026');
  await expect(next.proposal('First review conference')).toContainText('Agency reports to the chair by Tuesday 26 May 2026');
  await expectNoAxeViolations(panel, 'meeting, next dates proposed');
  await next.region.getByRole('button', { name: 'Book the core group meeting for Monday 16 March 2026' }).click();
  await expect(next.proposal('First core group')).toContainText('Booked: Core group meeting, Monday 16 March 2026.');
  await next.region.getByRole('button', { name: 'Book the review child protection conference for Tuesday 2 June 2026' }).click();
  await expect(next.proposal('First review conference')).toContainText('Booked: Review child protection conference, Tuesday 2 June 2026.');
  await expect(next.region.getByRole('button', { name: /^Book the core group/ })).toHaveCount(0);
  await plan.expectSaved();
  await expectNoAxeViolations(panel, 'meeting, next dates booked');
  await expectNoSidewaysScroll(panel, 'meeting with next dates');
  await screenshot(panel, 'deadlines-next-dates');
  await meetings.back();
  await expect(meetings.listed()).toHaveCount(3);

  // What's due: each item with its status, date, what is booked, and its rule and source.
  await plan.goToSection('What’s due');
  const due = new DueSectionPage(panel);
  await expect(due.section).toContainText('Counted as of Monday 2 March 2026, under Wirral Multi-agency Standards');
  await expect(due.group(/^Overdue/)).toHaveCount(2); // reports before the conference, none recorded
  const coreGroup = due.item('First core group');
  await expect(coreGroup).toContainText('Due Monday 16 March 2026');
  await expect(coreGroup).toContainText('Booked: Core group meeting, 16 March 2026. Mark it held once it has happened.');
  await expect(coreGroup).toContainText('First core group within 10 working days of the initial conference (Wirral 2016, 6.3, 7.3).');
  await expect(due.item('Chair’s letter and outline plan sent')).toContainText('Due soon');
  await expectNoAxeViolations(panel, 'what’s due');
  await expectNoSidewaysScroll(panel, 'what’s due');
  await screenshot(panel, 'deadlines-due');

  // The plan switches to the copy: the first core group is now due within 8 working days.
  await due.section.getByLabel('Timescales').selectOption({ label: 'Our partnership (2026) (your copy)' });
  await expect(coreGroup).toContainText('Due Thursday 12 March 2026');
  await expect(coreGroup).toContainText('First core group within 8 working days of the initial conference (Our partnership, 6.3, 7.3).');
  await expect(due.section).toContainText('This plan carries its timescales, so everyone in the core group counts the same dates.');
  await expectNoAxeViolations(panel, 'what’s due, own profile');

  // A month on: six items are overdue in the plan, across plans and on the badge.
  await settings.open();
  await settings.pretendTodayIs('2026-04-01');
  await expect(settings.banner).toContainText('Wednesday 1 April 2026');
  await expect.poll(() => badgeText(ext), { timeout: 15_000 }).toBe('6');
  const title = await badgeTitle(ext);
  expect(title).toBe('Open the core group plan. 6 items overdue in 1 plan');
  expect(title).not.toMatch(/Testington|Ava/);

  await list.goto();
  const across = panel.getByRole('region', { name: 'Due across your plans' });
  await expect(across.getByRole('listitem')).toHaveCount(6);
  await expect(across.getByRole('listitem').first()).toContainText('Overdue');
  await expect(across.getByRole('link', { name: 'First core group' })).toBeVisible();
  await expect(across.getByRole('listitem').filter({ hasText: 'First core group' })).toContainText('(Testington family)');
  await expectNoAxeViolations(panel, 'plans, due across plans');
  await expectNoSidewaysScroll(panel, 'plans');
  await screenshot(panel, 'deadlines-across-plans');

  await across.getByRole('link', { name: 'First core group' }).click();
  await expect(due.section).toBeVisible();
  await expect(due.group(/^Overdue \(6\)/)).toHaveCount(6);
  await expect(coreGroup).toContainText('Was due Thursday 12 March 2026');
  await expect(due.section.getByRole('status')).toHaveText('6 overdue, 0 due today.');
  await expectNoAxeViolations(panel, 'what’s due, overdue');
  await screenshot(panel, 'deadlines-overdue');

  // After a reload everything is still there: the pretend date, the bookings, the plan's timescales.
  await panel.reload();
  await expect(settings.banner).toContainText('Wednesday 1 April 2026');
  await expect(due.group(/^Overdue \(6\)/)).toHaveCount(6);
  await expect(due.section.getByLabel('Timescales')).toHaveValue(/^wirral-2016-own-[0-9a-f]{8}$/);

  // A second plan, counted into 2028, whose bank holidays gov.uk has not published: the item says so,
  // and the badge counts both plans.
  await settings.open();
  await settings.pretendTodayIs('2028-01-10');
  await list.goto();
  await list.createPlan('Exampleton', [{ name: 'Leo', dob: '2021-06-01' }]);
  await plan.expectOpen('Exampleton');
  await plan.goToSection('Meetings');
  await meetings.addMeeting('Initial child protection conference', 'Held', '2027-12-20');
  await expect(next.proposal('First core group')).toContainText('not yet published by gov.uk');
  await plan.goToSection('What’s due');
  await expect(coreGroup).toContainText('Was due Thursday 6 January 2028'); // over Christmas and New Year substitute days
  await expect(coreGroup).toContainText('This date rests on computed bank holidays, not yet published by gov.uk');
  await expectNoAxeViolations(panel, 'what’s due, computed bank holidays');
  await screenshot(panel, 'deadlines-computed-holidays');
  await expect.poll(() => badgeTitle(ext), { timeout: 15_000 }).toMatch(/ in 2 plans$/);
  expect(await badgeTitle(ext)).not.toMatch(/Testington|Exampleton|Ava|Leo/);

  // Back to the real date: the banner goes, and the plan and the badge count from today again.
  await settings.banner.getByRole('button', { name: 'Use the real date' }).click();
  await expect(settings.banner).toBeHidden();
  await expect(due.section).toContainText(`Counted as of ${format(new Date(), 'EEEE d MMMM yyyy')}`);
  await expect.poll(() => badgeTitle(ext), { timeout: 15_000 }).not.toMatch(/^Open the core group plan\. \d+ items overdue in 2 plans$/);
});
