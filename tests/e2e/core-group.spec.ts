/**
 * Journey: a lead social worker sets up the core group (three members, chair and deputy, the minute
 * rota, the group agreement); a member with no name is refused; after reloading it is all there.
 * (Outcomes and actions, owned by these members: outcomes-and-actions.spec.ts.)
 */
import { openNewPlan } from './support/new-plan.ts';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { CoreGroupPage, screenshotsDown } from './pages/outcomes-page.ts';

const AGREEMENT = {
  'Frequency of meetings': 'Every four weeks, on a Tuesday after school',
  'Who will book the venue': 'Sam Jones books the family centre',
  'How a record of the meeting will be kept': 'The minute-taker on the rota types notes and circulates them within 5 working days',
  'Wish to call an earlier meeting': 'Contact Sam Jones, who will arrange one within a week',
  'Is unable to attend the meeting': 'Send apologies and a written update to Sam Jones the day before',
  'Is dissatisfied with the running of the meeting': 'Raise it with the chair; if not resolved, use the escalation procedure',
};

test('the core group, its chair, deputy and agreement are set up, checked and kept', async ({ panel }) => {
  // Who is at this machine: "Add me" uses it.
  const { plan } = await openNewPlan(panel, [{ name: 'Ava', dob: '2019-03-14' }], { name: 'Sam Jones', agency: "Children's Social Care", role: 'Lead social worker' });

  // --- Core group, empty, then with a mistake, then filled in.
  const group = new CoreGroupPage(panel);
  await plan.goToSection('Core group');
  await expect(panel.getByText('No members yet.')).toBeVisible();
  await expectNoAxeViolations(panel, 'core group, empty');
  await group.form.getByRole('button', { name: 'Add member' }).click();
  await expect(group.form.getByText("Enter the new member's name.")).toBeVisible();
  await expect(group.form.getByLabel('Name')).toBeFocused();
  await expectNoAxeViolations(panel, 'core group, name missing');

  await group.addMe();
  await expect(group.member('Sam Jones')).toBeVisible();
  await expect(panel.getByText('You are in the core group as Sam Jones')).toBeVisible();
  await group.addMember({ name: 'Priya Shah', agency: 'Health', role: 'Health visitor', contact: '01234 567890' });
  await group.addMember({ name: 'Ms Green', agency: 'Oak Tree Primary', role: 'Designated safeguarding lead' });
  await expect(group.notices()).toHaveText([/No chair is set/, /No deputy chair is set/]);
  await group.choose('Chair', "Sam Jones (Children's Social Care)");
  await expect(group.notices()).toHaveText([/No deputy chair is set. The core group should elect a deputy chair./]);
  await group.choose('Deputy chair', 'Priya Shah (Health)');
  await expect(group.notices()).toHaveCount(0);
  await expect(group.member('Sam Jones')).toHaveAccessibleName('Sam Jones (chair)');
  await group.member('Ms Green').getByLabel('On the minute-taking rota').check();
  for (const [label, value] of Object.entries(AGREEMENT)) await group.agreementField(label).fill(value);
  await plan.expectSaved();
  await expectNoAxeViolations(panel, 'core group, filled in');
  await screenshotsDown(panel, 'core-group');
  await panel.setViewportSize({ width: 320, height: 900 });
  expect(await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await panel.setViewportSize({ width: 400, height: 900 });

  // --- Reload: everything is there, in order.
  await panel.reload();
  await plan.expectOpen('Testington');
  await plan.goToSection('Core group');
  await expect(panel.locator('fieldset.member > legend')).toHaveText(['Sam Jones (chair)', 'Priya Shah (deputy chair)', 'Ms Green']);
  for (const [label, value] of Object.entries(AGREEMENT)) await expect(group.agreementField(label)).toHaveValue(value);
  await expect(group.member('Ms Green').getByLabel('On the minute-taking rota')).toBeChecked();
  await expect(group.member('Priya Shah').getByLabel('Contact details')).toHaveValue('01234 567890');
});
