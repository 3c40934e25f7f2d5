/** Journey: delete a plan, after a confirmation that names the family; its local database is gone. */
import { test, expect } from './fixtures.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';

const databaseNames = (page: import('@playwright/test').Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));

test('deleting a plan asks first, naming the family, and removes its database from this device', async ({ panel }) => {
  const list = new PlanListPage(panel);
  await list.createPlan('Exampleton', [{ name: 'Noah', dob: '2021-07-02' }]);
  const plan = new PlanPage(panel);
  await plan.expectOpen('Exampleton');
  const planId = plan.planId();
  await plan.expectSaved();
  expect(await databaseNames(panel)).toContain(`plan:${planId}`);

  await list.goto();
  await panel.getByRole('button', { name: 'Delete the Exampleton family plan' }).click();
  const dialog = panel.getByRole('dialog', { name: 'Delete the Exampleton family plan?' });
  await expect(dialog).toContainText('Exampleton');
  await expect(dialog).toContainText('Noah');
  // Cancelling changes nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(list.planLink('Exampleton')).toBeVisible();

  await list.deletePlan('Exampleton');
  await expect(panel.getByText('The plan for the Exampleton family was deleted from this device.').first()).toBeVisible();
  await expect(list.planLink('Exampleton')).toHaveCount(0);
  await expect.poll(() => databaseNames(panel)).not.toContain(`plan:${planId}`);
});

test('a plan open in another page is closed with a message when it is deleted', async ({ ext, panel }) => {
  const list = new PlanListPage(panel);
  await list.createPlan('Sampleford', [{ name: 'Mia', dob: '2018-01-20' }]);
  const plan = new PlanPage(panel);
  await plan.expectOpen('Sampleford');
  const other = await ext.openPage(`plan.html#/plan/${plan.planId()}`);
  await new PlanPage(other).expectOpen('Sampleford');

  await list.goto();
  await list.deletePlan('Sampleford');
  await expect(other.getByRole('alert')).toContainText('This plan was deleted from this device.');
});
