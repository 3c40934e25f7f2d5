/**
 * Journey (issue 16): another copy of the plan wipes it — every record and all the text in one
 * tiny update, arriving through the local channel between pages, one of the ways in the update
 * guard covers. This copy shows the quarantine notice, the plan stays whole, the member keeps
 * their copy, and a backup taken afterwards validates and imports with the content intact.
 */
import * as Y from 'yjs';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { ImportBackupPage, PrintAndBackupPage } from './pages/print-page.ts';
import { storedPlan } from './support/stored-plan.ts';
import { encodeRangesV1, subtractRanges, type Ranges } from '../../lib/sync/guard/delete-set.ts';

const DANGER = 'We are worried that Ava and Leo will go on missing health care and school if nothing changes.';

/** A delete-only update removing everything but the schema marker: what a broken copy sends. */
function wipeOf(doc: Y.Doc): Uint8Array {
  const everything: Ranges = new Map([...doc.store.clients.keys()].map((client) => [client, [{ clock: 0, len: Y.getState(doc.store, client) }]]));
  const marker = [...doc.store.clients.values()].flat().find((s): s is Y.Item => s instanceof Y.Item && s.parentSub === 'schemaVersion')!;
  const ds = encodeRangesV1(subtractRanges(everything, new Map([[marker.id.client, [{ clock: marker.id.clock, len: 1 }]]])));
  return Uint8Array.from([0, ...ds]);
}

test('a copy that wipes the plan is quarantined; the member keeps their copy, and a backup still restores it', async ({ ext, panel }) => {
  const list = new PlanListPage(panel);
  await list.createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }, { name: 'Leo', dob: '2021-07-02' }]);
  const plan = new PlanPage(panel);
  await plan.expectOpen('Testington');
  await plan.addToDangerStatement(DANGER);
  await plan.expectSaved();
  const planId = plan.planId();

  // The other copy: a page of the same browser that speaks the local channel's protocol.
  const other = await ext.openPage('sidepanel.html#/');
  const wipe = wipeOf(await storedPlan(other, planId));
  expect(wipe.length).toBeLessThan(40);
  await other.evaluate(
    ({ name, bytes }) => {
      const channel = new BroadcastChannel(name);
      channel.postMessage({ kind: 'update', from: 'a-broken-copy', update: Uint8Array.from(bytes) });
      channel.close();
    },
    { name: `plan:${planId}`, bytes: [...wipe] },
  );

  const notice = panel.getByRole('region', { name: 'A colleague’s copy removed most of the plan' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('your copy is unchanged');
  await expect(plan.dangerStatement()).toHaveText(DANGER);
  await plan.expectOpen('Testington');
  await expectNoAxeViolations(panel, 'quarantine notice');

  await notice.getByRole('button', { name: 'Keep our copy' }).click();
  await expect(notice).toHaveCount(0);
  await expect(panel.getByRole('status').filter({ hasText: 'Your copy was kept.' })).toBeVisible();
  await expect(plan.dangerStatement()).toHaveText(DANGER);

  // After a reload the plan is whole and nothing is waiting for a decision.
  await panel.reload();
  await plan.expectOpen('Testington');
  await plan.goToSection('Strengthening Families');
  await expect(plan.dangerStatement()).toHaveText(DANGER);
  await expect(panel.getByRole('region', { name: /A colleague’s copy removed/ })).toHaveCount(0);

  // A backup taken now validates and imports as a new plan with the same content.
  await plan.goToSection('Print and backup');
  const backup = await new PrintAndBackupPage(panel, ext.context).downloadBackup();
  await list.goto();
  const importer = new ImportBackupPage(panel);
  await importer.choose(backup.name, backup.text);
  await expect(importer.imported).toContainText('Imported the plan for the Testington family as a new plan on this device.');
  await importer.imported.getByRole('link', { name: 'Open the imported plan' }).click();
  await plan.expectOpen('Testington');
  await plan.goToSection('Strengthening Families');
  await expect(plan.dangerStatement()).toHaveText(DANGER);
});
