/**
 * Keyboard-only driving for e2e journeys: move focus with Tab (or Shift+Tab) the way a member who
 * cannot use a mouse does, and check at every stop that focus is somewhere a sighted keyboard user
 * can see it. Locators are used only to say where focus should end up, never to act.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** What the focused element is, for failure messages: tag, role, id and accessible-ish name. */
export async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '<body>';
    const name =
      el.getAttribute('aria-label') ??
      (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null) ??
      el.textContent ??
      '';
    const role = el.getAttribute('role');
    return `<${el.tagName.toLowerCase()}${role ? ` role=${role}` : ''}${el.id ? ` #${el.id}` : ''}> “${name.trim().replace(/\s+/g, ' ').slice(0, 60)}”`;
  });
}

/**
 * Why the focused element's focus indicator is not visible, or '' when it is. Visible means: focus
 * is on an element (not <body>), the element has a box bigger than a visually-hidden 1×1 clip, and
 * its computed style draws an outline or a box-shadow (app.css's :focus-visible ring).
 */
export async function focusIndicatorProblem(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return 'focus is on <body>';
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) return `the focused element is ${rect.width}×${rect.height} px (hidden)`;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return outline || shadow ? '' : 'the focused element has neither an outline nor a box-shadow';
  });
}

/** Expects focus to be on an element with a visible focus indicator (see focusIndicatorProblem). */
export async function expectVisibleFocus(page: Page, step: string): Promise<void> {
  const problem = await focusIndicatorProblem(page);
  expect(problem, `${step}: ${problem} (focus: ${await describeFocus(page)})`).toBe('');
}

export interface TabToOptions {
  /** Most key presses before giving up. */
  max?: number;
  /** 'Shift+Tab' to move backwards. */
  key?: 'Tab' | 'Shift+Tab';
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking at every stop that the focus
 * indicator is visible. Fails, listing every element that got focus on the way, if `target` is not
 * reached within `max` presses. Does nothing when `target` already has focus.
 */
export async function tabTo(page: Page, target: Locator, { max = 40, key = 'Tab' }: TabToOptions = {}): Promise<void> {
  await expect(target, 'the element to tab to is on the page').toBeAttached();
  const visited: string[] = [];
  for (let presses = 0; ; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    if (presses === max) {
      throw new Error(`${key} did not reach ${target} within ${max} presses. Focus went to:\n  ${visited.join('\n  ')}`);
    }
    await page.keyboard.press(key);
    visited.push(await describeFocus(page));
    await expectVisibleFocus(page, `after ${key} #${presses + 1}`);
  }
}

/** Presses `key` and expects focus to end on `target`, visibly (e.g. Enter on "Add" moves focus to the new field). */
export async function pressAndExpectFocus(page: Page, key: string, target: Locator, step: string): Promise<void> {
  await page.keyboard.press(key);
  try {
    await expect(target).toBeFocused();
  } catch (error) {
    throw new Error(`${step}: focus should be on ${target} but is on ${await describeFocus(page)}`, { cause: error });
  }
  await expectVisibleFocus(page, step);
}

/**
 * Types a yyyy-MM-dd date day first into a date input whose Day box has focus, as a keyboard user
 * does: the day, Tab, the month, Tab, the year (the boxes show no leading zeros).
 */
export async function typeDate(page: Page, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  await page.keyboard.type(String(Number(day)));
  await page.keyboard.press('Tab');
  await page.keyboard.type(String(Number(month)));
  await page.keyboard.press('Tab');
  await page.keyboard.type(year!);
}
