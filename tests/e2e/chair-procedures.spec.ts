/**
 * Journey: chair mode follows the plan's own procedures. On a plan using the national profile no
 * Wirral rule appears (not "a team manager must chair the first core group"), and the core group's
 * attendance guidance says the profile carries none; switched to the Calderdale group agreement,
 * the same gap (nobody from children's social care) brings Calderdale's guidance. Closing asks
 * first, and a meeting that recorded nothing is saved as "… — closed", not "as agreed".
 */
import { format } from 'date-fns';
import { test, expect } from './fixtures.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { declareIdentity } from './pages/settings-page.ts';
import { CoreGroupPage } from './pages/outcomes-page.ts';
import { ChairPage } from './pages/chair-page.ts';
import { NARROWEST, expectAccessibleView } from './support/a11y.ts';

const today = format(new Date(), 'd MMMM yyyy');

test('chair mode shows only the plan’s own procedures, guides a core group’s attendance, and closes with confirmation', async ({ panel }) => {
  await panel.setViewportSize(NARROWEST);
  // The chair is a health visitor; nobody from children's social care is at the meeting.
  await declareIdentity(panel, { name: 'Priya Shah', agency: 'Health visiting', role: 'Health visitor' });
  const list = new PlanListPage(panel);
  await list.goto();
  await list.createPlan('Procedureton', [{ name: 'Ava', dob: '2019-03-14' }]);
  const plan = new PlanPage(panel);
  await plan.expectOpen('Procedureton');
  await plan.goToSection('Core group');
  const group = new CoreGroupPage(panel);
  await group.addMe();
  await group.addMember({ name: 'Sam Jones', agency: 'Children’s Social Care', role: 'Lead social worker' });
  await group.choose('Chair', 'Priya Shah (Health visiting)');

  const chair = new ChairPage(panel);
  await plan.goToSection('Live meeting');
  await chair.startCoreGroup();
  await panel.getByRole('button', { name: 'Mark everyone here now as present' }).click();
  await expect(panel.getByText(/Marked present: Priya Shah/)).toBeVisible();
  const section = panel.getByRole('region', { name: 'Live meeting' });
  const guidance = panel.locator('#core-group-attendance');
  await expect(guidance).toContainText('carry no rule on who attends a core group');
  await expect(guidance).toContainText('Nobody from children’s social care is marked present.');
  // The first core group, chaired by a health visitor: no Wirral rule on a national plan.
  await expect(section).not.toContainText('Wirral');
  await expect(section).not.toContainText('must be chaired by a team manager');
  await expect(section).not.toContainText('A team manager must chair it');
  await expectAccessibleView(panel, 'chair mode, national profile, attendance guidance');
  await panel.screenshot({ path: '.tmp/screens/chair-national-attendance.png', fullPage: true });

  // The plan switched to the Calderdale group agreement: its guidance on the social worker's absence.
  await plan.goToSection('What’s due');
  await panel.getByLabel('Timescales').selectOption({ label: 'Calderdale Multi-Agency Group Agreement' });
  await plan.goToSection('Live meeting');
  await expect(guidance).toContainText('the social worker should attend all core group meetings');
  await expect(guidance).toContainText('fully briefed alternative to chair, or a new date is arranged within timescales');
  await expect(guidance).toContainText('(Calderdale Group Agreement, "Core Groups and Child Protection Plan" 4)');
  await expect(section).not.toContainText('Wirral');
  await expectAccessibleView(panel, 'chair mode, Calderdale attendance guidance');
  await panel.screenshot({ path: '.tmp/screens/chair-calderdale-attendance.png', fullPage: true });

  // Nothing was decided: closing says so, and the version is named for what happened.
  const version = `Core group meeting, ${today} — closed`;
  await panel.getByRole('button', { name: 'Close the meeting' }).click();
  await expect(chair.closeDialog).toContainText('Nothing was decided, changed or added in this meeting.');
  await expect(chair.closeDialog).toContainText(`as the version “${version}”`);
  await expectAccessibleView(panel, 'chair mode, confirm closing with nothing recorded');
  await panel.screenshot({ path: '.tmp/screens/chair-close-nothing-recorded.png' });
  await chair.closeDialog.getByRole('button', { name: 'Close the meeting' }).click();
  await expect(panel.getByRole('heading', { name: 'Meeting closed' })).toBeVisible();
  await plan.goToSection('History');
  await expect(panel.getByRole('list', { name: 'Saved versions' }).getByText(version, { exact: true })).toBeVisible();
  await expect(panel.getByText(/As agreed at/)).toHaveCount(0);
});
