/**
 * Journey: a lead social worker selects text in a case system's record, chooses "Add to plan…",
 * and files it in the chronology and in the framework's grey areas, with its source and her
 * name; she saves a version of the plan, edits it, and compares the version with now: additions
 * and deletions marked, changed fields listed, and who changed it, as declared. After a reload,
 * everything is still there.
 */
import { format } from 'date-fns';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { CapturePage, HistoryPage, expectNoSidewaysScroll, expectReflowAt320, screenshot, startCaseSystem } from './pages/history-page.ts';
import { declareIdentity } from './pages/settings-page.ts';

const today = new Date();
const TODAY_WORDS = format(today, 'd MMMM yyyy');
const RECORD_TITLE = 'Case note 3 March – Testington (fictional)';
const SAID = 'Ava told her teacher she had no breakfast on three days this week.';
const UNSURE = 'Mum says a new partner sometimes stays over; nobody has met him.';
const STRAY = 'Unrelated text selected by mistake.';

test('text from a case system is added to the plan with its source, and history shows what changed and who changed it', async ({ ext, panel }) => {
  test.setTimeout(240_000);
  const caseSystem = await startCaseSystem(RECORD_TITLE, [SAID, UNSURE, STRAY]);
  try {
    await declareIdentity(panel, { name: 'Sam Sample', agency: 'Children’s Social Care' });

    const list = new PlanListPage(panel);
    await list.goto();
    await list.createPlan('Testington', [{ name: 'Ava', dob: '2018-04-01' }]);
    const plan = new PlanPage(panel);
    await plan.expectOpen('Testington');

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

    // Capture: select text on the case system's page and choose "Add to plan…".
    const worker = ext.context.serviceWorkers()[0]!;
    await CapturePage.expectMenuItem(worker);
    const casePage = await ext.context.newPage();
    await casePage.goto(caseSystem.url);
    const capture = new CapturePage(panel);
    const selected = await CapturePage.selectParagraph(casePage, 0);
    expect(selected).toBe(SAID);
    await CapturePage.clickAddToPlan(worker, casePage, selected);
    await capture.expectCapture(SAID);
    await expect(capture.view.getByRole('heading', { name: 'Add to plan' })).toBeFocused();
    await expect(capture.view.getByRole('link', { name: /127\.0\.0\.1/ })).toHaveAttribute('href', caseSystem.url);
    await expect(capture.view.getByLabel('Plan', { exact: true })).toHaveValue(plan.planId());

    // Nothing chosen yet: explained, nothing added.
    await capture.add();
    await expect(capture.view.locator('.field-error')).toHaveText('Choose where in the plan to add it.');
    await expectNoAxeViolations(panel, 'add to plan, no destination');
    await expectNoSidewaysScroll(panel, 'add to plan, no destination');
    await expectReflowAt320(panel, 'add to plan, no destination');
    await screenshot(panel, 'capture-error');

    // The browser does not share the page's title: the member types it.
    await capture.view.getByLabel('Page title').fill(RECORD_TITLE);
    await capture.chooseDestination('A new chronology entry');
    await expect(capture.view.getByLabel('Date of the event')).toHaveValue(format(today, 'yyyy-MM-dd'));
    await expect(capture.view.getByLabel('Agency the information comes from')).toHaveValue('Children’s Social Care');
    await expectNoAxeViolations(panel, 'add to plan, chronology');
    await screenshot(panel, 'capture-chronology');
    await capture.add();
    await expect(panel.getByRole('status').filter({ hasText: 'Added to the chronology in the Testington family’s plan.' })).toBeVisible();
    await expect(capture.view).toHaveCount(0);

    // A second selection goes to the grey areas.
    await CapturePage.clickAddToPlan(worker, casePage, await CapturePage.selectParagraph(casePage, 1));
    await capture.expectCapture(UNSURE);
    await capture.view.getByLabel('Page title').fill(RECORD_TITLE);
    await capture.chooseDestination('Grey areas');
    await capture.add();
    await expect(panel.getByRole('status').filter({ hasText: 'Added to Grey areas in the Testington family’s plan.' })).toBeVisible();

    // A third, selected by mistake, is discarded: nothing is added.
    await CapturePage.clickAddToPlan(worker, casePage, await CapturePage.selectParagraph(casePage, 2));
    await capture.expectCapture(STRAY);
    await capture.view.getByRole('button', { name: 'Discard' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'The selected text was discarded.' })).toBeVisible();
    await expect(capture.view).toHaveCount(0);

    // Back to the plan's page (the case system's tab was in front).
    await panel.bringToFront();

    // The chronology entry: its text, its source and who added it.
    await plan.goToSection('Chronology');
    const entry = panel.locator('.entry').filter({ hasText: SAID });
    await expect(entry).toContainText(`Source: ${RECORD_TITLE}`);
    await expect(entry.getByRole('link', { name: /Source record on 127\.0\.0\.1/ })).toHaveAttribute('href', caseSystem.url);
    await expect(entry).toContainText('Added by Sam Sample');
    await expect(panel.getByText(STRAY)).toHaveCount(0);

    // The grey areas: the text, then where it came from.
    await plan.goToSection('Strengthening Families');
    const grey = plan.richText('Grey areas');
    await expect(grey).toContainText(UNSURE);
    await expect(grey).toContainText(`From ${RECORD_TITLE}, added by Sam Sample (Children’s Social Care) on ${TODAY_WORDS}.`);
    await expect(grey.getByRole('link', { name: RECORD_TITLE })).toHaveAttribute('href', caseSystem.url);

    // More edits after the version: a strength reworded, the plan's status moved on.
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

    // After a reload, the version, the chronology entry and the grey areas are all still there.
    await panel.reload();
    await expect(panel.getByRole('heading', { level: 2, name: 'History' })).toBeVisible();
    await expect(history.section.getByRole('list', { name: 'Saved versions' }).getByText('Before the core group', { exact: true })).toBeVisible();
    await history.compareWithNow('Before the core group');
    await expect(history.comparison.locator('ins').filter({ hasText: 'most days.' })).toBeVisible();
    await plan.goToSection('Chronology');
    await expect(panel.locator('.entry').filter({ hasText: SAID })).toContainText('Added by Sam Sample');
    await plan.goToSection('Strengthening Families');
    await expect(plan.richText('Grey areas')).toContainText(UNSURE);
    await expect(capture.view).toHaveCount(0);
  } finally {
    await caseSystem.close();
  }
});
