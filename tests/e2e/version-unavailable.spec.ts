/**
 * Journey: a saved version this copy cannot show exactly. A colleague saved "Agreed at the core
 * group" while the strengths still read as first typed; this device, stored by an older copy that
 * collected deleted text the way plain Yjs does, had already deleted that text and let it go before
 * the version arrived. History lists the version, and viewing it or comparing it with now says
 * plainly that it cannot be shown here (and that the plan itself is unaffected) instead of showing
 * a version with words missing.
 */
import * as Y from 'yjs';
import { richTextFragment } from '../../lib/plan/index.ts';
import { saveVersion } from '../../lib/history/versions.ts';
import { openNewPlan } from './support/new-plan.ts';
import { replaceStoredPlan, storedPlan } from './support/stored-plan.ts';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { HistoryPage, expectNoSidewaysScroll, screenshot } from './pages/history-page.ts';

const STRENGTH = 'Mum walks Ava to school every day.';
const CANNOT = 'This version cannot be shown exactly on this device';

test('a version whose words this copy no longer holds says so, for viewing and for comparing', async ({ panel }) => {
  const { list, plan } = await openNewPlan(panel, [{ name: 'Ava', dob: '2018-04-01' }], { name: 'Sam Sample', agency: 'Children’s Social Care' });
  await plan.goToSection('Strengthening Families');
  await plan.richText('Strengths and protective factors').click();
  await panel.keyboard.type(STRENGTH);
  await plan.expectSaved();
  const planId = plan.planId();
  await list.goto(); // the plan closes in this page

  // The colleague's copy: the plan as stored here, and a version saved while the strength was there.
  const stored = await storedPlan(panel, planId);
  const colleague = new Y.Doc();
  Y.applyUpdate(colleague, Y.encodeStateAsUpdate(stored));
  const hadStored = Y.encodeStateVector(colleague);
  saveVersion(colleague, { name: 'Agreed at the core group', by: 'Alex Example', at: new Date().toISOString() });
  const version = Y.encodeStateAsUpdate(colleague, hadStored);
  // This device, as an older copy kept it: the strength deleted and collected, then the version.
  const strengths = richTextFragment(stored, 'strengths');
  stored.transact(() => strengths.delete(0, strengths.length));
  Y.applyUpdate(stored, version);
  await replaceStoredPlan(panel, planId, Y.encodeStateAsUpdate(stored));

  await panel.goto(panel.url().replace(/#.*$/, `#/plan/${planId}/history`));
  const history = new HistoryPage(panel);
  await expect(history.section.getByRole('list', { name: 'Saved versions' }).getByText('Agreed at the core group', { exact: true })).toBeVisible();

  await history.view('Agreed at the core group');
  const view = history.versionView;
  await expect(view.getByRole('heading', { name: 'The plan at “Agreed at the core group”' })).toBeFocused();
  await expect(view.getByText(CANNOT)).toBeVisible();
  await expect(view).toContainText('nothing in the plan itself is affected');
  // Nothing of the version is shown wrong: no details, no text, no lists.
  await expect(view.locator('dl, h4, .records')).toHaveCount(0);
  await expectNoAxeViolations(panel, 'history, a version this copy cannot show');
  await expectNoSidewaysScroll(panel, 'history, a version this copy cannot show');
  await screenshot(panel, 'history-version-unavailable');

  await history.compareWithNow('Agreed at the core group');
  const compare = history.comparison;
  await expect(compare.getByText(CANNOT)).toBeVisible();
  await expect(compare.locator('ins, del')).toHaveCount(2); // only the key's two examples
  await expectNoAxeViolations(panel, 'history, comparing a version this copy cannot show');
  await screenshot(panel, 'history-compare-unavailable');

  // The plan itself is as this device has it.
  await plan.goToSection('Strengthening Families');
  await expect(plan.richText('Strengths and protective factors')).not.toContainText(STRENGTH);
});

