/**
 * Journey: a plan ended over a year ago (the product's default period, as its profile sets none)
 * prompts in the plan list, calmly, to back it up and then remove it from this device; the remove
 * button opens the usual confirmation. axe-checked, reflows at 320 px, screenshot taken.
 */
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { SettingsDeadlinesPage } from './pages/deadlines-page.ts';
import { FrameworkSectionsPage } from './pages/framework-sections-page.ts';
import { expectReflowAt320, screenshot } from './pages/history-page.ts';
import { dateInput, fillDate } from './pages/date-input.ts';

test('an ended plan prompts, after the period, to be backed up and removed from this device', async ({ panel }) => {
  test.setTimeout(120_000);
  const settings = new SettingsDeadlinesPage(panel);
  const list = new PlanListPage(panel);
  const plan = new PlanPage(panel);
  await settings.open();
  await settings.pretendTodayIs('2025-01-10');
  await list.goto();
  await list.createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }]);
  await plan.expectOpen('Testington');

  const status = new FrameworkSectionsPage(panel).status;
  await status.getByRole('radio', { name: 'Ended' }).check();
  await status.getByLabel('Why the plan is ending').selectOption({ label: 'The child is no longer at continuing risk of significant harm' });
  await fillDate(dateInput(status, 'Date the plan ended'), '2025-01-10');
  await status.getByRole('button', { name: 'Save status' }).click();
  await plan.expectSaved();
  await panel.waitForTimeout(1000); // the plan list's summary follows the plan after a short pause

  // Eleven months on: no prompt yet.
  await settings.open();
  await settings.pretendTodayIs('2025-12-10');
  await list.goto();
  const prompt = panel.getByRole('group', { name: 'This plan ended some time ago' });
  await expect(list.planLink('Testington')).toBeVisible();
  await expect(prompt).toHaveCount(0);

  // Thirteen months on: the prompt, with the product's default named as such.
  await settings.open();
  await settings.pretendTodayIs('2026-02-10');
  await list.goto();
  await expect(prompt).toContainText('This plan ended on 10 January 2025, 12 months or more ago (this extension');
  await expect(prompt).toContainText('this extension’s own default');
  await expect(prompt.getByRole('link', { name: 'Back up this plan' })).toBeVisible();
  await expectNoAxeViolations(panel, 'plan list, an ended plan prompting');
  await expectReflowAt320(panel, 'plan list, an ended plan prompting');
  await panel.setViewportSize({ width: 320, height: 900 });
  await screenshot(panel, 'ended-plan-retention-320');
  await panel.setViewportSize({ width: 400, height: 900 });

  await prompt.getByRole('button', { name: 'Remove the Testington family plan from this device' }).click();
  await expect(panel.getByRole('dialog', { name: 'Delete the Testington family plan?' })).toBeVisible();
});
