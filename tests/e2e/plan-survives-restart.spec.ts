/** Journey: create a plan, type into it, close the browser, start it again: everything is there. */
import { test, expect } from './fixtures.ts';
import { launchExtension } from './support/browser.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { dateInput, expectDate } from './pages/date-input.ts';

test('a plan typed into survives closing and restarting the browser', async ({ ext, panel }) => {
  const list = new PlanListPage(panel);
  await list.createPlan('Testington', [
    { name: 'Ava', dob: '2019-03-14' },
    { name: 'Unborn baby', edd: '2027-02-01' },
  ]);
  const plan = new PlanPage(panel);
  await plan.expectOpen('Testington');

  await panel.getByLabel('Address').fill('1 Example Row, Sampletown');
  const ava = panel.getByRole('group', { name: 'Ava' });
  await ava.getByLabel('School or nursery').fill('Oak Tree Primary');
  await plan.goToSection('Strengthening Families');
  const danger = plan.dangerStatement();
  await danger.click();
  await panel.keyboard.type('Ava may be hurt when the adults argue.');
  await panel.keyboard.press('Enter');
  await panel.keyboard.press('Control+b');
  await panel.keyboard.type('She has said she is scared at night.');
  await plan.expectSaved();
  await panel.screenshot({ path: '.tmp/screens/plan-before-restart.png', fullPage: true });

  const profileDir = ext.profileDir;
  await ext.close();

  const again = await launchExtension(profileDir);
  try {
    const panel2 = await again.openPage('sidepanel.html#/');
    const list2 = new PlanListPage(panel2);
    await expect(list2.planLink('Testington')).toContainText('Ava, Unborn baby');
    await list2.planLink('Testington').click();
    const plan2 = new PlanPage(panel2);
    await plan2.expectOpen('Testington');
    await expect(panel2.getByLabel('Address')).toHaveValue('1 Example Row, Sampletown');
    await expect(panel2.getByRole('group', { name: 'Ava' }).getByLabel('School or nursery')).toHaveValue('Oak Tree Primary');
    await expectDate(dateInput(panel2.getByRole('group', { name: 'Unborn baby' }), 'Expected date of delivery (if not born yet)'), '2027-02-01');
    await plan2.goToSection('Strengthening Families');
    const danger2 = plan2.dangerStatement();
    await expect(danger2.locator('p')).toHaveText(['Ava may be hurt when the adults argue.', 'She has said she is scared at night.']);
    await expect(danger2.locator('strong')).toHaveText('She has said she is scared at night.');
    await panel2.screenshot({ path: '.tmp/screens/plan-after-restart.png', fullPage: true });
  } finally {
    await again.close();
  }
});
