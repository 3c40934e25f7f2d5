/**
 * Journey (issue 16): a plan whose stored schema marker was set by a newer version of the extension,
 * or damaged by a copy from before the update guard, still opens: its content is shown, read-only,
 * with the reason, instead of "Waiting for the plan" or a refusal.
 */
import * as Y from 'yjs';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { appendStoredUpdate, storedPlan } from './support/stored-plan.ts';

const DANGER = 'We are worried that Ava will go on missing health care and school if nothing changes.';

for (const { marker, reason } of [
  { marker: 999, reason: 'This plan was last saved by a newer version of the extension.' },
  { marker: '1', reason: 'This plan’s version marker was damaged' },
]) {
  test(`a plan stored with the schema marker ${JSON.stringify(marker)} opens read-only, content shown, saying why`, async ({ panel }) => {
    await new PlanListPage(panel).createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }]);
    const plan = new PlanPage(panel);
    await plan.expectOpen('Testington');
    await plan.addToDangerStatement(DANGER);
    await plan.expectSaved();
    const planId = plan.planId();

    // What another copy of the extension stored: the marker changed, nothing else.
    const doc = await storedPlan(panel, planId);
    const before = Y.encodeStateVector(doc);
    doc.getMap('meta').set('schemaVersion', marker);
    await appendStoredUpdate(panel, planId, Y.encodeStateAsUpdate(doc, before));

    await panel.reload();
    await expect(panel.getByRole('alert').filter({ hasText: reason })).toBeVisible();
    await expect(plan.dangerStatement()).toContainText(DANGER);
    // Read-only: typing into the plan changes nothing.
    await plan.dangerStatement().click({ force: true }).catch(() => {});
    await panel.keyboard.type(' Extra words.');
    await expect(plan.dangerStatement()).not.toContainText('Extra words');
    await expectNoAxeViolations(panel, `read-only plan, marker ${JSON.stringify(marker)}`);
    await panel.screenshot({ path: `.tmp/screens/read-only-plan-${typeof marker}.png`, fullPage: true });
  });
}
