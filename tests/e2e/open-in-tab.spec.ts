/** Journey: open the plan full-width in a tab; the panel and the tab edit one live document. */
import { test, expect } from './fixtures.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';

test('"Open in a tab" shows the same plan, live both ways with the panel', async ({ ext, panel }) => {
  await new PlanListPage(panel).createPlan('Placeholder-Smith', [{ name: 'Leo', dob: '2016-11-05' }]);
  const inPanel = new PlanPage(panel);
  await inPanel.expectOpen('Placeholder-Smith');

  await inPanel.goToSection('Strengthening Families');
  const [tab] = await Promise.all([ext.context.waitForEvent('page'), panel.getByRole('button', { name: 'Open in a tab' }).click()]);
  const inTab = new PlanPage(tab);
  await inTab.expectOpen('Placeholder-Smith');
  expect(tab.url()).toContain('/plan.html#/plan/');
  await expect(tab.getByRole('button', { name: 'Open in a tab' })).toHaveCount(0);

  await inTab.dangerStatement().click();
  await tab.keyboard.type('Typed in the tab.');
  await expect(inPanel.dangerStatement()).toHaveText('Typed in the tab.');

  await inPanel.goToSection('Family and children');
  await panel.getByLabel('Address').fill('22 Fictional Close');
  await inTab.goToSection('Family and children');
  await expect(tab.getByLabel('Address')).toHaveValue('22 Fictional Close');
  await inPanel.goToSection('Strengthening Families');
  await inTab.goToSection('Strengthening Families');

  await inPanel.dangerStatement().click();
  await panel.keyboard.press('End');
  await panel.keyboard.type(' And in the panel.');
  await expect(inTab.dangerStatement()).toHaveText('Typed in the tab. And in the panel.');
  await tab.setViewportSize({ width: 1200, height: 900 });
  await tab.screenshot({ path: '.tmp/screens/plan-in-tab.png' });
});
