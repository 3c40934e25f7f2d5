/**
 * Checks a view against the accessibility requirements axe-core cannot judge on its own at the
 * side panel's width: reflow (WCAG 1.4.10: nothing scrolls sideways at 320 CSS px) and target size
 * (WCAG 2.5.8: every pointer target at least 24×24 px, or far enough from its neighbours).
 * `expectAccessibleView` runs both and axe-core, for one view in one state.
 */
import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures.ts';

/** The side panel's narrowest width, and WCAG's reflow width. */
export const NARROWEST = { width: 320, height: 800 };

/** What can take a pointer action. Disabled controls cannot, and are left out. */
const TARGETS = [
  'a[href]', 'button', 'input:not([type="hidden"])', 'select', 'textarea', 'summary', '[contenteditable="true"]',
  '[role="button"]', '[role="link"]', '[role="checkbox"]', '[role="radio"]', '[role="tab"]', '[tabindex]:not([tabindex="-1"])',
].join(', ');

/**
 * The targets smaller than 24×24 CSS px that do not meet an exception of WCAG 2.5.8, described
 * for a failure message. Exceptions applied:
 * - Spacing: a 24 px circle centred on the target touches no other target, nor another undersized
 *   target's circle.
 * - Inline: a link within a sentence (display inline, with other text in its parent).
 * - A checkbox or radio's label is part of its target (clicking the label sets the control), so
 *   the target is the box around the control and its labels.
 * Left out: what is not drawn (display none, visibility hidden, or the 1×1 clip of
 * .visually-hidden), and, while a modal dialog is open, everything behind it (inert).
 */
export async function undersizedTargets(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const MIN = 24;
    type Box = { left: number; top: number; right: number; bottom: number };
    const modal = document.querySelector('dialog:modal');
    const candidates = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
      if ((el as HTMLButtonElement).disabled) return false;
      if (modal && !modal.contains(el)) return false;
      if (el.closest('[inert]')) return false;
      if (!el.checkVisibility({ visibilityProperty: true })) return false;
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1;
    });
    const boxOf = (el: HTMLElement): Box => {
      const rects = [el.getBoundingClientRect()];
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
        for (const label of el.labels ?? []) rects.push(label.getBoundingClientRect());
      }
      return {
        left: Math.min(...rects.map((r) => r.left)),
        top: Math.min(...rects.map((r) => r.top)),
        right: Math.max(...rects.map((r) => r.right)),
        bottom: Math.max(...rects.map((r) => r.bottom)),
      };
    };
    const targets = candidates.map((el) => ({ el, box: boxOf(el) }));
    const small = (b: Box) => b.right - b.left < MIN - 0.5 || b.bottom - b.top < MIN - 0.5;
    const centre = (b: Box) => ({ x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2 });
    const distanceToBox = (p: { x: number; y: number }, b: Box) =>
      Math.hypot(Math.max(b.left - p.x, 0, p.x - b.right), Math.max(b.top - p.y, 0, p.y - b.bottom));
    const inline = (el: HTMLElement) =>
      getComputedStyle(el).display === 'inline' &&
      (el.parentElement?.textContent ?? '').trim().length > (el.textContent ?? '').trim().length;
    const nested = (a: HTMLElement, b: HTMLElement) => a.contains(b) || b.contains(a);
    const describe = (el: HTMLElement, b: Box) => {
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? '').trim().replace(/\s+/g, ' ');
      return `<${el.tagName.toLowerCase()}${el.id ? ` #${el.id}` : ''}> “${name.slice(0, 50)}” ${Math.round(b.right - b.left)}×${Math.round(b.bottom - b.top)} px`;
    };

    const problems: string[] = [];
    for (const t of targets) {
      if (!small(t.box) || inline(t.el)) continue;
      const c = centre(t.box);
      const crowdedBy = targets.find((u) => {
        if (u === t || nested(u.el, t.el)) return false;
        if (small(u.box)) {
          const d = centre(u.box);
          return Math.hypot(c.x - d.x, c.y - d.y) < MIN;
        }
        return distanceToBox(c, u.box) < MIN / 2;
      });
      if (crowdedBy) problems.push(`${describe(t.el, t.box)}, too close to ${describe(crowdedBy.el, crowdedBy.box)}`);
    }
    return problems;
  }, TARGETS);
}

/** The elements that stick out past the right edge of the page, for a reflow failure message. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && el.checkVisibility())
      .slice(0, 8)
      .map((el) => `<${el.tagName.toLowerCase()}${el.id ? ` #${el.id}` : ''}${el.className ? ` .${String(el.className).split(' ')[0]}` : ''}> right edge ${Math.round(el.getBoundingClientRect().right)} px`);
  });
}

/** Fails if the page scrolls sideways (WCAG 1.4.10), naming what sticks out. */
export async function expectReflow(page: Page, label: string): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  if (scroll > client) {
    expect.soft([`${scroll} px wide in a ${client} px viewport`, ...(await overflowing(page))], `reflow: ${label}`).toEqual([]);
  }
}

/** Fails listing the targets under 24×24 px without an exception (see undersizedTargets). */
export async function expectTargetSizes(page: Page, label: string): Promise<void> {
  expect.soft(await undersizedTargets(page), `targets under 24×24 px: ${label}`).toEqual([]);
}

/**
 * One view in one state: axe-core's WCAG 2.2 A/AA rules with no violations, no sideways scroll and
 * no undersized targets. Reflow and target size are soft failures so one run reports every view.
 */
export async function expectAccessibleView(page: Page, label: string): Promise<void> {
  await expectReflow(page, label);
  await expectTargetSizes(page, label);
  await expectNoAxeViolations(page, label);
}
