/**
 * Journey: a lead social worker saves a version of the plan, edits it (a strength reworded, an
 * address, a chronology entry, the grey areas), and compares the version with now: additions and
 * deletions marked, changed fields listed, and who changed it, as declared; the version reads as it
 * was. After a reload the version is still there. (Text captured from a case system, which lands
 * in the same places: capture.spec.ts.)
 */
import { format } from 'date-fns';
import { openNewPlan } from './support/new-plan.ts';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { ChronologyPage } from './pages/meetings-page.ts';
import { HistoryPage, expectNoSidewaysScroll, expectReflowAt320, screenshot } from './pages/history-page.ts';

const today = new Date();
const TODAY_WORDS = format(today, 'd MMMM yyyy');
const SAID = 'Ava told her teacher she had no breakfast on three days this week.';
const UNSURE = 'Mum says a new partner sometimes stays over; nobody has met him.';

test('history saves a version and shows what changed since, and who changed it', async ({ panel }) => {
  const { plan } = await openNewPlan(panel, [{ name: 'Ava', dob: '2018-04-01' }], { name: 'Sam Sample', agency: 'Children’s Social Care' });

  // Before the version: a strength worded one way.
  await plan.goToSection('Strengthening Families');
  await plan.richText('Strengths and protective factors').click();
  await panel.keyboard.type('Mum walks Ava to school every day.');
  await plan.expectSaved();

  // History, empty; a nameless version is refused; then one is saved.
  await plan.goToSection('History');
  const history = new HistoryPage(panel);
  await expect(history.section.getByText('No versions yet.')).toBeVisible();
  await expectNoAxeViolations(panel, 'history, empty');
  await history.section.getByRole('button', { name: 'Save a version' }).click();
  await expect(history.section.locator('.field-error')).toHaveText('Enter a name for the version, for example “Agreed at the core group”.');
  await expect(history.section.getByLabel('Name of the version')).toBeFocused();
  await expectNoAxeViolations(panel, 'history, version without a name');
  await history.saveVersion('Before the core group');
  await expect(history.section.getByRole('status')).toContainText('Saved the version “Before the core group”.');
  await expect(history.section.getByText(`Saved by Sam Sample on ${TODAY_WORDS}`)).toBeVisible();

  // Edits after the version: a chronology entry, the grey areas, a strength reworded, an address.
  await plan.goToSection('Chronology');
  await new ChronologyPage(panel).add({ date: format(today, 'yyyy-MM-dd'), event: SAID });
  await expect(panel.locator('.entry').filter({ hasText: SAID })).toContainText('Added by Sam Sample');
  await plan.goToSection('Strengthening Families');
  await plan.richText('Grey areas').click();
  await panel.keyboard.type(UNSURE);
  await expect(plan.richText('Grey areas')).toHaveText(UNSURE);
  const strengths = plan.richText('Strengths and protective factors');
  // The sentence retyped over a triple-click selection (one gesture: no keystrokes to race on a slow machine).
  await strengths.locator('p').first().click({ clickCount: 3 });
  await panel.keyboard.type('Mum walks Ava to school most days.');
  await expect(strengths).toHaveText('Mum walks Ava to school most days.');
  await plan.goToSection('Family and children');
  await panel.getByLabel('Address').fill('1 Example Road, Testington');
  await plan.expectSaved();

  // Compare the version with now.
  await plan.goToSection('History');
  await history.compareWithNow('Before the core group');
  const compare = history.comparison;
  await expect(compare.getByRole('heading', { name: 'Changes from “Before the core group” to now' })).toBeFocused();
  await expect(compare.locator('.authors')).toHaveText('Sam Sample, Children’s Social Care');
  await expect(compare.getByText('As declared by each member in About you', { exact: false })).toBeVisible();
  await expect(compare.getByText('Address: was not set, now “1 Example Road, Testington”')).toBeVisible();
  await expect(compare.locator('del').filter({ hasText: 'every day.' })).toBeVisible();
  await expect(compare.locator('ins').filter({ hasText: 'most days.' })).toBeVisible();
  await expect(compare.locator('ins').filter({ hasText: UNSURE })).toBeVisible();
  const chronologyChanges = compare.getByRole('heading', { name: 'Chronology', level: 4 });
  await expect(chronologyChanges).toBeVisible();
  await expect(compare.getByRole('listitem').filter({ hasText: `${TODAY_WORDS}: Ava told her teacher` })).toBeVisible();
  await expectNoAxeViolations(panel, 'history, compare with now');
  await expectNoSidewaysScroll(panel, 'history, compare with now');
  await expectReflowAt320(panel, 'history, compare with now');
  await screenshot(panel, 'history-compare');

  // The version as it was: the old wording, no grey areas yet.
  await compare.getByRole('button', { name: 'Close the comparison' }).click();
  await expect(history.section.getByRole('button', { name: 'Compare Before the core group with now' })).toBeFocused();
  await history.view('Before the core group');
  const view = history.versionView;
  await expect(view).toContainText('Mum walks Ava to school every day.');
  await expect(view).not.toContainText(UNSURE);
  await expect(view.getByText('Read only', { exact: false })).toBeVisible();
  await expectNoAxeViolations(panel, 'history, a version');
  await expectReflowAt320(panel, 'history, a version');
  await screenshot(panel, 'history-version');

  // After a reload, the version is still there, and so is what changed since.
  await panel.reload();
  await expect(panel.getByRole('heading', { level: 2, name: 'History' })).toBeVisible();
  await expect(history.section.getByRole('list', { name: 'Saved versions' }).getByText('Before the core group', { exact: true })).toBeVisible();
  await history.compareWithNow('Before the core group');
  await expect(history.comparison.locator('ins').filter({ hasText: 'most days.' })).toBeVisible();
});

test('deleting a plan from this device deletes its saved versions with it', async ({ panel }) => {
  const { list, plan } = await openNewPlan(panel, [{ name: 'Noah', dob: '2021-07-02' }], { name: 'Sam Sample', agency: 'Children’s Social Care' });
  const planId = plan.planId();
  await plan.goToSection('History');
  const history = new HistoryPage(panel);
  await history.saveVersion('Agreed at the core group');
  await expect(history.section.getByRole('status')).toContainText('Saved the version “Agreed at the core group”.');
  await plan.expectSaved();
  const databases = () => panel.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
  expect((await databases()).filter((name) => name.includes(planId))).toEqual([`plan:${planId}`]);

  await list.goto();
  await list.deletePlan('Testington');
  // No database of this plan is left: not the plan's, and nothing else holding its versions.
  await expect.poll(async () => (await databases()).filter((name) => name.includes(planId))).toEqual([]);
});

test('a version is removed only with a reason, and who removed it, when and why stay in the plan', async ({ panel }) => {
  const { plan } = await openNewPlan(panel, [{ name: 'Mia', dob: '2019-05-02' }], { name: 'Sam Sample', agency: 'Children’s Social Care' });
  await plan.goToSection('History');
  const history = new HistoryPage(panel);
  await history.saveVersion('Saved too early');
  await expect(history.section.getByRole('status')).toContainText('Saved the version “Saved too early”.');

  await history.section.getByRole('button', { name: 'Remove Saved too early' }).click();
  const form = history.section.getByRole('region', { name: 'Remove “Saved too early”' });
  await expect(form.getByRole('heading', { name: 'Remove “Saved too early”' })).toBeFocused();
  await form.getByRole('button', { name: 'Remove the version' }).click();
  await expect(form.locator('.field-error')).toHaveText('Say why this version is being removed.');
  await expect(form.getByLabel('Why is this version being removed?')).toBeFocused();
  await expectNoAxeViolations(panel, 'history, removing a version without a reason');
  await form.getByLabel('Why is this version being removed?').fill('Saved before the family had seen the plan');
  await form.getByRole('button', { name: 'Remove the version' }).click();

  await expect(history.section.getByRole('heading', { name: 'Removed versions' })).toBeFocused();
  await expect(history.section.getByRole('list', { name: 'Saved versions' })).toHaveCount(0);
  const removed = history.section.getByRole('list', { name: 'Removed versions' });
  await expect(removed).toContainText(`Removed by Sam Sample on ${TODAY_WORDS}: “Saved before the family had seen the plan”`);
  await expectNoAxeViolations(panel, 'history, a removed version');
  await screenshot(panel, 'history-removed-version');

  // The decision is in the plan: still there after a reload.
  await plan.expectSaved();
  await panel.reload();
  await expect(history.section.getByRole('list', { name: 'Removed versions' })).toContainText('Saved before the family had seen the plan');
});
