/** Journey: say who you are, then create a plan; bad input is explained and nothing is created. */
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { dateInput, fillDate } from './pages/date-input.ts';

test('settings keep who you are; a plan form with mistakes explains each and creates nothing', async ({ panel }) => {
  await panel.getByRole('link', { name: 'About you' }).click();
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByRole('alert')).toContainText('Enter your name');
  await expectNoAxeViolations(panel, 'settings with errors');
  await panel.getByLabel('Your name').fill('Sam Sample');
  await panel.getByLabel('Agency').fill('Children’s Social Care');
  await panel.getByLabel(/^Role/).fill('Lead social worker');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved.' })).toContainText('Sam Sample');
  await panel.reload();
  await expect(panel.getByLabel('Your name')).toHaveValue('Sam Sample');

  const list = new PlanListPage(panel);
  await list.goto();
  await panel.getByRole('button', { name: 'New plan' }).click();
  await fillDate(dateInput(panel.getByRole('group', { name: 'Child 1' }), 'Date of birth'), '2099-01-01');
  await panel.getByRole('button', { name: 'Create plan' }).click();
  const summary = panel.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('Enter the family name.');
  await expect(summary).toContainText('Enter the name of child 1');
  await expect(summary).toContainText('The date of birth for child 1 is in the future.');
  await expect(panel.getByLabel('Family name')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(panel, 'new plan form with errors');
  await panel.screenshot({ path: '.tmp/screens/new-plan-errors.png', fullPage: true });

  await list.goto();
  await expect(panel.getByText('No plans yet.')).toBeVisible();

  await list.createPlan('Fictionshire', [{ name: 'Isla', dob: '2020-05-05' }]);
  await new PlanPage(panel).expectOpen('Fictionshire');
  const createdBy = await panel.evaluate(() => document.querySelector('h1')?.textContent);
  expect(createdBy).toBe('Fictionshire family');
});
