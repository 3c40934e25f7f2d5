/**
 * Journey: a lead social worker writes the agency report for the initial conference; a sharing
 * date still to come is explained; after a reload the report is all there.
 */
import { addDays, subDays } from 'date-fns';
import { openNewPlan } from './support/new-plan.ts';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { MeetingsPage, ReportsPage, expectNoSidewaysScroll, screenshot } from './pages/meetings-page.ts';
import { ICPC, icpcDay, iso, now, words } from './support/around-today.ts';
import { dateInput, expectDate, fillDate } from './pages/date-input.ts';

test('an agency report for the initial conference is written, checked and kept', async ({ panel }) => {
  const { plan } = await openNewPlan(panel, [{ name: 'Ava', dob: '2019-03-14' }], { name: 'Sam Sample', agency: 'Children’s Social Care' });

  // With no conference yet there is nothing to report to.
  await plan.goToSection('Agency reports');
  await expect(panel.getByText('There are no conferences in this plan yet.')).toBeVisible();
  await expectNoAxeViolations(panel, 'reports, empty');

  // The initial conference (recorded in full in meetings.spec.ts).
  await plan.goToSection('Meetings');
  await new MeetingsPage(panel).addMeeting('Initial child protection conference', 'Held', iso(icpcDay));
  await expect(panel.getByRole('heading', { level: 3, name: ICPC })).toBeFocused();

  // An agency report for the initial conference.
  await plan.goToSection('Agency reports');
  const reports = new ReportsPage(panel);
  await expect(reports.startForm.getByLabel('Agency or organisation')).toHaveValue('Children’s Social Care');
  await expect(reports.startForm.getByLabel('Name and role of the author')).toHaveValue('Sam Sample');
  await expectNoAxeViolations(panel, 'reports, no reports yet');
  await reports.startReport(ICPC);
  await expect(panel.getByRole('heading', { level: 3, name: 'Report from Children’s Social Care' })).toBeFocused();
  await expect(panel.getByText(`For: ${ICPC}`)).toBeVisible();
  await panel.getByLabel('Length of involvement with the family by your agency').fill('Since March 2025');
  await reports.typeRichText('Chronology of agency involvement', 'Referral from school in March 2025.');
  await reports.typeRichText('Parenting capacity', 'Mother is warm but the home is often without food.');
  await panel.getByLabel(/do you think the child is at risk of significant harm/).fill('Yes, from neglect.');
  await reports.typeRichText('How can your agency contribute to a child protection plan or child in need plan?', 'Weekly visits.');
  await panel.getByLabel('Shared with the parent').check();
  const sharedOn = dateInput(panel, 'Date shared with the parent');
  await expectDate(sharedOn, iso(now));
  await fillDate(sharedOn, iso(addDays(now, 3)));
  await expect(panel.getByText('This date is still to come. Record it once it has happened.')).toBeVisible();
  await expectNoAxeViolations(panel, 'report, shared date in the future');
  await fillDate(sharedOn, iso(subDays(icpcDay, 3)));
  await expect(panel.getByText('This date is still to come.')).toBeHidden();
  await plan.expectSaved();
  await expectNoAxeViolations(panel, 'report, populated');
  await screenshot(panel, 'report-editor');
  await reports.back();
  await expect(panel.locator('.reports li')).toContainText(`Shared with the parent on ${words(subDays(icpcDay, 3))}`);
  await expectNoAxeViolations(panel, 'reports, list');
  await screenshot(panel, 'reports-list');

  // Reload: everything is still there.
  await panel.reload();
  await plan.expectOpen('Testington');
  await plan.goToSection('Agency reports');
  await expect(panel.locator('.reports li')).toContainText(ICPC);
  await panel.getByRole('button', { name: /^Open the report from Children’s Social Care/ }).click();
  await expect(panel.getByLabel('Length of involvement with the family by your agency')).toHaveValue('Since March 2025');
  await expect(reports.richText('Parenting capacity')).toContainText('Mother is warm but the home is often without food.');
  await expectDate(dateInput(panel, 'Date shared with the parent'), iso(subDays(icpcDay, 3)));

  // At the side panel's narrowest (320 px) nothing scrolls sideways.
  await panel.setViewportSize({ width: 320, height: 900 });
  await expect(panel.getByRole('heading', { level: 3, name: 'Report from Children’s Social Care' })).toBeVisible();
  await expectNoSidewaysScroll(panel, 'report at 320 px');
});
