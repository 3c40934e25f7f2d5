/**
 * A field that holds a year of notes (hundreds of paragraphs) skips laying out and painting the
 * blocks out of view, so each keystroke costs what is on screen (lib/editor/rich-text-view.ts,
 * LONG_TEXT_BLOCKS). The browser's own Ctrl+Home/End find the edge by layout, which skipped blocks
 * do not have: the editor moves there itself, and what is typed lands at the end or the start.
 */
import { openNewPlan } from './support/new-plan.ts';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { AVA_AND_LEO, FrameworkSectionsPage } from './pages/framework-sections-page.ts';

const NOTES = 150;

test('a year of notes pasted into a column: blocks out of view are skipped, and Ctrl+End and Ctrl+Home still type at the edges', async ({ panel }) => {
  const { plan } = await openNewPlan(panel, AVA_AND_LEO);
  const fw = new FrameworkSectionsPage(panel);
  await plan.goToSection('Strengthening Families');
  const field = fw.richText('Strengths and protective factors');

  // Which of the field's blocks the browser is skipping, as it says so.
  await field.evaluate((el) => {
    const skipped = ((window as unknown as { skipped: Map<number, boolean> }).skipped = new Map());
    el.addEventListener('contentvisibilityautostatechange', (event) => {
      const block = event.target as Element;
      skipped.set([...el.children].indexOf(block), (event as ContentVisibilityAutoStateChangeEvent).skipped);
    }, true);
  });
  const skipped = (i: number) => panel.evaluate((i) => (window as unknown as { skipped: Map<number, boolean> }).skipped.get(i) === true, i);

  // A member pastes a year of visit notes, one paragraph a visit.
  await field.click();
  await field.evaluate((el, count) => {
    const html = Array.from({ length: count }, (_, i) => `<p>Visit ${i + 1}: Jo and the children were at home; the house was warm and tidy.</p>`).join('');
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', html.replace(/<[^>]+>/g, '\n'));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, NOTES);
  const paragraphs = field.locator('p');
  await expect(paragraphs).toHaveCount(NOTES);
  await expect(field).toHaveClass(/long-text/);
  // Blocks far out of view are skipped; the one on screen is not, nor the one with the caret.
  await field.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect.poll(() => skipped(NOTES / 2)).toBe(true);
  await expect.poll(() => skipped(0)).toBe(false);

  // Ctrl+End pressed straight after a click, before the editor has had the click's selectionchange
  // (it typed at the click about 2 times in 5): a few tries, each typing at the very end.
  const visit = (n: number) => `Visit ${n}: Jo and the children were at home; the house was warm and tidy.`;
  for (const from of [1, 2, 3]) {
    await paragraphs.nth(from).click();
    await panel.keyboard.press('Control+End');
    await panel.keyboard.type('#');
    await expect(paragraphs.nth(NOTES - 1)).toHaveText(`${visit(NOTES)}#`);
    await panel.keyboard.press('Backspace');
    await expect(paragraphs.nth(from)).toHaveText(visit(from + 1));
  }

  // Ctrl+End from the top, then typing: the words go at the very end.
  await field.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await paragraphs.nth(0).click();
  await panel.keyboard.press('Control+End');
  await panel.keyboard.type(' Last visit.');
  await expect(paragraphs.nth(NOTES - 1)).toHaveText(`Visit ${NOTES}: Jo and the children were at home; the house was warm and tidy. Last visit.`);
  await expect(paragraphs.nth(NOTES - 1)).toBeInViewport();
  await expect.poll(() => skipped(0)).toBe(true);

  // Ctrl+Home from the end: at the very start.
  await panel.keyboard.press('Control+Home');
  await panel.keyboard.type('Since January: ');
  await expect(paragraphs.nth(0)).toHaveText('Since January: Visit 1: Jo and the children were at home; the house was warm and tidy.');
  await expect(paragraphs.nth(0)).toBeInViewport();

  // Shift+Ctrl+End selects to the end: typing replaces every note but the start of the first.
  await panel.keyboard.press('Control+Home');
  await panel.keyboard.press('Shift+Control+End');
  expect(await panel.evaluate(() => document.getSelection()?.toString().length)).toBeGreaterThan(NOTES * 60);
  await panel.keyboard.press('Shift+Control+Home');
  expect(await panel.evaluate(() => document.getSelection()?.isCollapsed)).toBe(true);

  await expectNoAxeViolations(panel, 'framework: a column with a year of notes');
  // What is on screen (a screenshot of the whole field would show the skipped blocks blank).
  await panel.screenshot({ path: '.tmp/screens/long-field.png' });

  // All of it is kept.
  await plan.expectSaved();
  await panel.reload();
  await expect(fw.richText('Strengths and protective factors').locator('p')).toHaveCount(NOTES);
  await expect(fw.richText('Strengths and protective factors').locator('p').last()).toContainText('Last visit.');
});
