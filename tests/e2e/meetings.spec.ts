/**
 * Journey: a lead social worker records the initial conference (who came, the decision, a dissent,
 * a change to the plan, minutes) and books the review; mistakes are explained and change nothing;
 * after a reload all is there. (The agency report: agency-reports.spec.ts; the chronology:
 * chronology.spec.ts.)
 */
import { addDays } from 'date-fns';
import { openNewPlan } from './support/new-plan.ts';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { MeetingsPage, expectNoSidewaysScroll, screenshot } from './pages/meetings-page.ts';
import { ICPC, REVIEW, icpcDay, iso, now, reviewDay } from './support/around-today.ts';
import { dateBoxes, dateInput, expectDate, fillDate } from './pages/date-input.ts';

test('meetings: the initial conference is recorded and the review booked, checked and kept', async ({ panel }) => {
  const { plan } = await openNewPlan(panel, [{ name: 'Ava', dob: '2019-03-14' }], { name: 'Sam Sample', agency: 'Children’s Social Care' });

  // The member at this machine joins the core group, so attendance can be picked from it.
  await plan.goToSection('Core group');
  await panel.getByRole('button', { name: /^Add me,/ }).click();
  await expect(panel.getByText('You are in the core group as Sam Sample')).toBeVisible();

  await plan.goToSection('Meetings');
  await expect(panel.getByText('No meetings recorded yet.')).toBeVisible();
  await expectNoAxeViolations(panel, 'meetings, empty');

  // Meetings: a held meeting in the future and a missing date are refused.
  const meetings = new MeetingsPage(panel);
  await meetings.addMeeting('Initial child protection conference', 'Held', iso(addDays(now, 2)));
  await expect(meetings.newMeeting.locator('.field-error')).toContainText('choose “Scheduled”');
  await expect(dateBoxes(dateInput(meetings.newMeeting, 'Date')).day).toBeFocused();
  await expectNoAxeViolations(panel, 'meetings, held in the future');
  await fillDate(dateInput(meetings.newMeeting, 'Date'), '');
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
  // (The outline plan's circulation is gated on the SMART checks: tests/e2e/smart-agreement.spec.ts.)
  await fillDate(dateInput(panel, 'Minutes circulated'), iso(addDays(icpcDay, 1)));
  // A held meeting cannot be moved into the future.
  await fillDate(dateInput(panel, 'Date'), iso(addDays(now, 5)));
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
  await plan.expectSaved();
  await screenshot(panel, 'meetings-list');

  // Reload: everything is still there.
  await panel.reload();
  await plan.expectOpen('Testington');
  await plan.goToSection('Meetings');
  await expect(meetings.listed().first()).toHaveAccessibleName(`Open ${REVIEW}`);
  await meetings.open(ICPC);
  await expectDate(dateInput(panel, 'Date'), iso(icpcDay));
  await expect(panel.getByLabel('Sam Sample, Children’s Social Care')).toHaveValue('present');
  await expect(panel.getByLabel('Jo Example, Health visiting')).toHaveValue('present');
  await expect(panel.getByLabel('Dr Priya Shah, GP')).toHaveValue('apologies');
  await expect(panel.getByText('Child protection plan under the category of neglect', { exact: true })).toBeVisible();
  await expect(panel.getByText('A child in need plan would be enough.')).toBeVisible();
  await expect(panel.getByText('Why: Ava missed two health checks.')).toBeVisible();
  await expect(meetings.minutes()).toHaveText('The chair opened the conference and everyone introduced themselves.');
  await expectDate(dateInput(panel, 'Minutes circulated'), iso(addDays(icpcDay, 1)));

  // At the side panel's narrowest (320 px) nothing scrolls sideways.
  await panel.setViewportSize({ width: 320, height: 900 });
  await expectNoSidewaysScroll(panel, 'meeting at 320 px');
  await screenshot(panel, 'meetings-icpc-320');
});
