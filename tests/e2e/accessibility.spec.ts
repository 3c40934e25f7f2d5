/** axe-core over every view of the shell: empty list, new-plan form, settings, a plan, the list, the delete dialog. */
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';

test('every view has no axe-core violations, at side-panel width', async ({ panel }) => {
  await expect(panel.getByText('No plans yet.')).toBeVisible();
  await expectNoAxeViolations(panel, 'empty plan list');

  await panel.getByRole('button', { name: 'New plan' }).click();
  await expectNoAxeViolations(panel, 'new plan form');
  await panel.getByRole('link', { name: 'About you' }).click();
  await expectNoAxeViolations(panel, 'settings');

  const list = new PlanListPage(panel);
  await list.goto();
  await list.createPlan('Axeworth', [{ name: 'Ruby', dob: '2017-09-09' }, { name: 'Baby', edd: '2027-03-03' }]);
  const plan = new PlanPage(panel);
  await plan.expectOpen('Axeworth');
  await plan.expectSaved();
  await expectNoAxeViolations(panel, 'open plan');
  await panel.screenshot({ path: '.tmp/screens/plan-panel.png', fullPage: true });

  // Reflow: at 320 px wide nothing scrolls sideways.
  await panel.setViewportSize({ width: 320, height: 800 });
  expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  await list.goto();
  await expectNoAxeViolations(panel, 'plan list');
  await panel.getByRole('button', { name: 'Delete the Axeworth family plan' }).click();
  await expect(panel.getByRole('dialog')).toBeVisible();
  await expectNoAxeViolations(panel, 'delete dialog');
  await panel.screenshot({ path: '.tmp/screens/delete-dialog.png' });
});
