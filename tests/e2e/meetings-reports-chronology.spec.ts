/**
 * Journey: a lead social worker records the initial conference (who came, the decision, a dissent,
 * a change to the plan, minutes), books the review, writes the agency report and builds the
 * multi-agency chronology; mistakes are explained and change nothing; after a reload all is there.
 */
import { addDays, format, subDays } from 'date-fns';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { ChronologyPage, MeetingsPage, ReportsPage, expectNoSidewaysScroll, screenshot } from './pages/meetings-page.ts';
import { declareIdentity } from './pages/settings-page.ts';

// Dates around the real today, as the app reads the clock once per page.
const now = new Date();
const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const words = (d: Date) => format(d, 'd MMMM yyyy');
const icpcDay = subDays(now, 30);
const reviewDay = addDays(now, 60);
const ICPC = `Initial child protection conference, ${words(icpcDay)}`;
const REVIEW = `Review child protection conference, ${words(reviewDay)}`;

test('meetings, an agency report and the chronology are recorded, checked and kept', async ({ panel }) => {
  test.setTimeout(120_000);
  await declareIdentity(panel, { name: 'Sam Sample', agency: 'Children’s Social Care' });

  const list = new PlanListPage(panel);
  await list.goto();
  await list.createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }]);
  const plan = new PlanPage(panel);
  await plan.expectOpen('Testington');

  // The member at this machine joins the core group, so attendance can be picked from it.
  await plan.goToSection('Core group');
  await panel.getByRole('button', { name: /^Add me,/ }).click();
  await expect(panel.getByText('You are in the core group as Sam Sample')).toBeVisible();

  // Empty sections.
  await plan.goToSection('Agency reports');
  await expect(panel.getByText('There are no conferences in this plan yet.')).toBeVisible();
  await expectNoAxeViolations(panel, 'reports, empty');
  await plan.goToSection('Chronology');
  await expect(panel.getByText('No entries yet.')).toBeVisible();
  await expectNoAxeViolations(panel, 'chronology, empty');
  await plan.goToSection('Meetings');
  await expect(panel.getByText('No meetings recorded yet.')).toBeVisible();
  await expectNoAxeViolations(panel, 'meetings, empty');

  // Meetings: a held meeting in the future and a missing date are refused.
  const meetings = new MeetingsPage(panel);
  await meetings.addMeeting('Initial child protection conference', 'Held', iso(addDays(now, 2)));
  await expect(meetings.newMeeting.locator('.field-error')).toContainText('choose “Scheduled”');
  await expect(meetings.newMeeting.getByLabel('Date')).toBeFocused();
  await expectNoAxeViolations(panel, 'meetings, held in the future');
  await meetings.newMeeting.getByLabel('Date').fill('');
  await meetings.newMeeting.getByRole('button', { name: 'Add meeting' }).click();
  await expect(meetings.newMeeting.locator('.field-error')).toHaveText('Enter the date of the meeting, with day, month and year.');
  await expect(panel.getByText('No meetings recorded yet.')).toBeVisible();

  await meetings.addMeeting('Initial child protection conference', 'Held', iso(icpcDay));
  await expect(panel.getByRole('heading', { level: 3, name: ICPC })).toBeFocused();
  await meetings.addMember('Sam Sample, Children’s Social Care', 'Present');
  await expect(panel.getByRole('group', { name: 'Add someone to the list' }).getByLabel('Who').locator('option')).toHaveText([
    'Someone else (type their name)',
  ]);
  await meetings.addAttendee('Jo Example', 'Health visiting', 'Present');
  await meetings.addAttendee('Dr Priya Shah', 'GP', 'Sent apologies');
  await expect(panel.getByText('2 present, 1 sent apologies')).toBeVisible();
  await expect(panel.getByLabel('Dr Priya Shah, GP')).toHaveValue('apologies');
  await meetings.addDecision('Child protection plan under the category of neglect');
  await meetings.dissentForm.getByLabel('Who disagrees').fill('Dr Priya Shah');
  await meetings.dissentForm.getByRole('button', { name: 'Record dissent' }).click();
  await expect(meetings.dissentForm.locator('.field-error')).toHaveText('Enter their reasons. Dissent is always recorded with its reasons.');
  await expect(meetings.dissentForm.getByLabel('Who disagrees')).toHaveValue('Dr Priya Shah');
  await expectNoAxeViolations(panel, 'meeting, dissent without reasons');
  await meetings.recordDissent('Dr Priya Shah', 'GP', 'A child in need plan would be enough.');
  await meetings.addChange('Health visitor to visit every week', 'Ava missed two health checks.');
  await meetings.typeMinutes('The chair opened the conference and everyone introduced themselves.');
  // (The outline plan's circulation is gated on the SMART checks: tests/e2e/smart.spec.ts.)
  await panel.getByLabel('Minutes circulated').fill(iso(addDays(icpcDay, 1)));
  await panel.getByLabel('Minutes circulated').blur();
  // A held meeting cannot be moved into the future.
  await panel.getByLabel('Date', { exact: true }).fill(iso(addDays(now, 5)));
  await expect(panel.getByText('This date is still to come, so the meeting cannot have been held yet.')).toBeVisible();
  await plan.expectSaved();
  await expectNoAxeViolations(panel, 'meeting, populated');
  await screenshot(panel, 'meetings-icpc');

  await meetings.back();
  await expect(panel.getByRole('button', { name: `Open ${ICPC}` })).toBeFocused();
  await meetings.addMeeting('Review child protection conference', 'Scheduled (still to come)', iso(reviewDay));
  await expect(panel.getByRole('heading', { level: 3, name: REVIEW })).toBeFocused();
  // A booked meeting cannot be marked held before its date; the choice stays as it was.
  await panel.getByRole('radio', { name: 'Held' }).click();
  await expect(panel.getByText('This date is still to come, so the meeting cannot have been held yet.')).toBeVisible();
  await expect(panel.getByRole('radio', { name: 'Scheduled (still to come)' })).toBeChecked();
  await meetings.back();
  await expect(meetings.listed()).toHaveText(['Open', 'Open']);
  await expect(meetings.listed().first()).toHaveAccessibleName(`Open ${REVIEW}`);
  await expect(meetings.listed().nth(1)).toHaveAccessibleName(`Open ${ICPC}`);
  await expectNoAxeViolations(panel, 'meetings, list');
  await screenshot(panel, 'meetings-list');

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
  const sharedOn = panel.getByLabel('Date shared with the parent');
  await expect(sharedOn).toHaveValue(iso(now));
  await sharedOn.fill(iso(addDays(now, 3)));
  await sharedOn.blur();
  await expect(panel.getByText('This date is still to come. Record it once it has happened.')).toBeVisible();
  await expectNoAxeViolations(panel, 'report, shared date in the future');
  await sharedOn.fill(iso(subDays(icpcDay, 3)));
  await sharedOn.blur();
  await expect(panel.getByText('This date is still to come.')).toBeHidden();
  await plan.expectSaved();
  await expectNoAxeViolations(panel, 'report, populated');
  await screenshot(panel, 'report-editor');
  await reports.back();
  await expect(panel.locator('.reports li')).toContainText(`Shared with the parent on ${words(subDays(icpcDay, 3))}`);
  await expectNoAxeViolations(panel, 'reports, list');
  await screenshot(panel, 'reports-list');

  // The chronology: entries out of date order come back sorted.
  await plan.goToSection('Chronology');
  const chronology = new ChronologyPage(panel);
  await expect(chronology.form.getByLabel('Source agency')).toHaveValue('Children’s Social Care');
  await chronology.form.getByRole('button', { name: 'Add entry' }).click();
  await expect(chronology.form.locator('.field-error')).toHaveText([
    'Enter the date of the event, with day, month and year.',
    'Enter what happened.',
  ]);
  await expectNoAxeViolations(panel, 'chronology, empty form refused');
  await chronology.add({ date: iso(subDays(now, 50)), event: 'Missed health check', agency: 'Health' });
  await chronology.add({ date: iso(subDays(now, 100)), event: 'Referral from school', agency: 'Education' });
  await chronology.add({ date: iso(subDays(now, 70)), event: 'Police called to the home', agency: 'Police', link: 'javascript:alert(1)' });
  await expect(chronology.form.locator('.field-error')).toHaveText('The source link must be a web address starting with https:// or http://.');
  await expect(chronology.form.getByLabel('What happened')).toHaveValue('Police called to the home');
  await expect(chronology.events()).toHaveCount(2);
  await expectNoAxeViolations(panel, 'chronology, bad link');
  await chronology.form.getByLabel('Link to the source record (optional)').fill('https://records.example.org/incident/42');
  await chronology.form.getByRole('button', { name: 'Add entry' }).click();
  await expect(chronology.events()).toHaveText(['Referral from school', 'Police called to the home', 'Missed health check']);
  const link = chronology.entry('Police called to the home').getByRole('link', { name: /Source record on records.example.org/ });
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(link).toHaveAttribute('href', 'https://records.example.org/incident/42');
  await expect(chronology.entry('Missed health check')).toContainText('Added by Sam Sample');

  await panel.getByLabel('Show entries from').selectOption('Police');
  await expect(chronology.events()).toHaveText(['Police called to the home']);
  await expect(panel.getByText('1 of 3 entries, from Police')).toBeVisible();
  await panel.getByLabel('Show entries from').selectOption('');
  await expect(chronology.events()).toHaveCount(3);

  // Edit a date: the entry moves to its place. Remove one and undo.
  await panel.getByRole('button', { name: /^Edit the entry of .* from Health$/ }).click();
  const editForm = panel.getByRole('group', { name: /^Edit the entry of/ });
  await editForm.getByLabel('Date').fill(iso(subDays(now, 120)));
  await editForm.getByRole('button', { name: 'Save changes' }).click();
  await expect(chronology.events()).toHaveText(['Missed health check', 'Referral from school', 'Police called to the home']);
  await expect(panel.getByRole('button', { name: /^Edit the entry of .* from Health$/ })).toBeFocused();
  await panel.getByRole('button', { name: /^Remove the entry of .* from Education$/ }).click();
  await expect(chronology.events()).toHaveCount(2);
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(chronology.events()).toHaveCount(3);
  await plan.expectSaved();
  await expectNoAxeViolations(panel, 'chronology, populated');
  await screenshot(panel, 'chronology');

  // Reload: everything is still there.
  await panel.reload();
  await plan.expectOpen('Testington');
  await expect(chronology.events()).toHaveText(['Missed health check', 'Referral from school', 'Police called to the home']);
  await plan.goToSection('Agency reports');
  await expect(panel.locator('.reports li')).toContainText(ICPC);
  await panel.getByRole('button', { name: /^Open the report from Children’s Social Care/ }).click();
  await expect(panel.getByLabel('Length of involvement with the family by your agency')).toHaveValue('Since March 2025');
  await expect(reports.richText('Parenting capacity')).toContainText('Mother is warm but the home is often without food.');
  await expect(panel.getByLabel('Date shared with the parent')).toHaveValue(iso(subDays(icpcDay, 3)));
  await plan.goToSection('Meetings');
  await expect(meetings.listed().first()).toHaveAccessibleName(`Open ${REVIEW}`);
  await meetings.open(ICPC);
  await expect(panel.getByLabel('Date', { exact: true })).toHaveValue(iso(icpcDay));
  await expect(panel.getByLabel('Sam Sample, Children’s Social Care')).toHaveValue('present');
  await expect(panel.getByLabel('Jo Example, Health visiting')).toHaveValue('present');
  await expect(panel.getByLabel('Dr Priya Shah, GP')).toHaveValue('apologies');
  await expect(panel.getByText('Child protection plan under the category of neglect', { exact: true })).toBeVisible();
  await expect(panel.getByText('A child in need plan would be enough.')).toBeVisible();
  await expect(panel.getByText('Why: Ava missed two health checks.')).toBeVisible();
  await expect(meetings.minutes()).toHaveText('The chair opened the conference and everyone introduced themselves.');
  await expect(panel.getByLabel('Minutes circulated')).toHaveValue(iso(addDays(icpcDay, 1)));

  // At the side panel's narrowest (320 px) nothing scrolls sideways.
  await panel.setViewportSize({ width: 320, height: 900 });
  await expectNoSidewaysScroll(panel, 'meeting at 320 px');
  await screenshot(panel, 'meetings-icpc-320');
  await plan.goToSection('Agency reports');
  await panel.getByRole('button', { name: /^Open the report from Children’s Social Care/ }).click();
  await expectNoSidewaysScroll(panel, 'report at 320 px');
  await plan.goToSection('Chronology');
  await expectNoSidewaysScroll(panel, 'chronology at 320 px');
  await screenshot(panel, 'chronology-320');
});
