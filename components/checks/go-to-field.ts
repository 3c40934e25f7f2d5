/**
 * Taking the member to the field a finding is about: change the route's section if the field is
 * in another one, wait for it to be drawn, open any closed disclosure around it (an outcome card, a
 * framework column), and focus it. Used by the lists of findings that refuse "agreed" and
 * "circulated".
 */
import { parseRoute, routeHash } from '../../lib/state/route.ts';
import type { FindingTarget } from '../../lib/checks/finding-places.ts';

/** How long to wait for a section to draw the field before giving up (it is normally one frame). */
const WAIT_MS = 2000;

function findField(doc: Document, elementId: string): HTMLElement | null {
  // A rich-text field has no element with its id: its container carries it as data-field.
  return doc.getElementById(elementId) ?? doc.querySelector<HTMLElement>(`[data-field="${CSS.escape(elementId)}"]`);
}

/**
 * The element itself when it takes focus, else the first control inside it (a rich-text field's
 * editable area; a date input's first wrong box, or its Day box).
 */
function focusable(element: HTMLElement): HTMLElement {
  if (element.matches('[data-date-input]')) {
    return element.querySelector<HTMLElement>('input[aria-invalid="true"]') ?? element.querySelector<HTMLElement>('input') ?? element;
  }
  if (element.matches('input, select, textarea, button, a[href], [contenteditable="true"], [tabindex]')) return element;
  // In priority order: a selector list would give the first in document order (a toolbar's button).
  for (const selector of ['[contenteditable="true"]', 'input, select, textarea', 'button']) {
    const inner = element.querySelector<HTMLElement>(selector);
    if (inner) return inner;
  }
  return element;
}

function waitForField(win: Window, elementId: string): Promise<HTMLElement | null> {
  const started = win.performance.now();
  return new Promise((resolve) => {
    const look = () => {
      const found = findField(win.document, elementId);
      if (found || win.performance.now() - started > WAIT_MS) resolve(found);
      else win.requestAnimationFrame(look);
    };
    look();
  });
}

/**
 * The hash of the plan section holding `target`, for a link's href (so the link still works
 * opened in a new tab); the current hash when no plan is open.
 */
export function hrefFor(target: FindingTarget, win: Window = globalThis.window): string {
  const route = parseRoute(win.location.hash);
  return route.view === 'plan' ? routeHash({ ...route, section: target.section }) : win.location.hash;
}

/** Moves to `target`'s section if needed and focuses its field. Resolves false when the field never appeared. */
export async function goToField(target: FindingTarget, win: Window = globalThis.window): Promise<boolean> {
  const route = parseRoute(win.location.hash);
  // An empty section is the first one (family), where no finding is placed: it differs from every target.
  if (route.view === 'plan' && route.section !== target.section) {
    win.location.hash = routeHash({ ...route, section: target.section });
  }
  const field = await waitForField(win, target.elementId);
  if (!field) return false;
  for (let details = field.closest('details'); details; details = details.parentElement?.closest('details') ?? null) {
    details.open = true;
  }
  const control = focusable(field);
  control.focus();
  control.scrollIntoView({ block: 'center' });
  return true;
}

/** Focuses the field with `elementId` (a rich-text field's editable area) if it is on the page; true when it was. */
export function focusField(elementId: string, doc: Document = globalThis.document): boolean {
  const field = findField(doc, elementId);
  if (!field) return false;
  focusable(field).focus();
  return true;
}
