/**
 * How most journeys start: who is at this machine (when the journey needs it), then a new plan for
 * the fictional Testington family, created from the plan list and open.
 */
import type { Page } from '@playwright/test';
import { PlanListPage, type ChildInput } from '../pages/plan-list-page.ts';
import { PlanPage } from '../pages/plan-page.ts';
import { declareIdentity, type DeclaredIdentity } from '../pages/settings-page.ts';

export async function openNewPlan(panel: Page, children: ChildInput[], who?: DeclaredIdentity): Promise<{ list: PlanListPage; plan: PlanPage }> {
  const list = new PlanListPage(panel);
  if (who) {
    await declareIdentity(panel, who);
    await list.goto();
  }
  await list.createPlan('Testington', children);
  const plan = new PlanPage(panel);
  await plan.expectOpen('Testington');
  return { list, plan };
}
