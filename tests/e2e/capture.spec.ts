/**
 * Journey: a lead social worker selects text in a case system's record, chooses "Add to plan…",
 * and files it in the chronology and in the framework's grey areas, with its source and her name;
 * a stray selection is discarded. After a reload, everything is still there. (Versions and
 * comparisons: history.spec.ts.)
 */
import { format } from 'date-fns';
import { openNewPlan } from './support/new-plan.ts';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { CapturePage, expectNoSidewaysScroll, expectReflowAt320, screenshot, startCaseSystem } from './pages/history-page.ts';
import { dateInput, expectDate } from './pages/date-input.ts';

const today = new Date();
const TODAY_WORDS = format(today, 'd MMMM yyyy');
const RECORD_TITLE = 'Case note 3 March – Testington (fictional)';
const SAID = 'Ava told her teacher she had no breakfast on three days this week.';
const UNSURE = 'Mum says a new partner sometimes stays over; nobody has met him.';
const STRAY = 'Unrelated text selected by mistake.';

test('text from a case system is added to the plan with its source and who added it, and kept', async ({ ext, panel }) => {
  const caseSystem = await startCaseSystem(RECORD_TITLE, [SAID, UNSURE, STRAY]);
  try {
    const { plan } = await openNewPlan(panel, [{ name: 'Ava', dob: '2018-04-01' }], { name: 'Sam Sample', agency: 'Children’s Social Care' });

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
    await expectDate(dateInput(capture.view, 'Date of the event'), format(today, 'yyyy-MM-dd'));
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
    await plan.expectSaved();

    // After a reload, the chronology entry and the grey areas are still there.
    await panel.reload();
    await plan.expectOpen('Testington');
    await plan.goToSection('Chronology');
    await expect(panel.locator('.entry').filter({ hasText: SAID })).toContainText('Added by Sam Sample');
    await plan.goToSection('Strengthening Families');
    await expect(plan.richText('Grey areas')).toContainText(UNSURE);
    await expect(capture.view).toHaveCount(0);
  } finally {
    await caseSystem.close();
  }
});
