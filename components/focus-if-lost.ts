/**
 * A Svelte action for a view's heading: when the view appears because the member did something
 * that removed the element they were on ("New plan", "Create plan", "Cancel", a deleted plan's
 * row), focus has fallen to <body> and the next Tab would start from the top of the page. The
 * heading takes focus instead, so keyboard users carry on from the view they are in and screen
 * readers announce it (WCAG 2.4.3 focus order).
 *
 * It does nothing when focus is still on something (a navigation link that stays put), and nothing
 * on a page nobody has touched yet: at first load the browser's own starting point is kept.
 */
export function focusIfLost(node: HTMLElement, win: Window = window): void {
  const doc = win.document;
  const active = doc.activeElement;
  if (active && active !== doc.body && active !== doc.documentElement) return;
  // Before any key press or click there is nothing to lose (and nothing to announce).
  if (win.navigator.userActivation && !win.navigator.userActivation.hasBeenActive) return;
  if (!node.hasAttribute('tabindex')) node.tabIndex = -1;
  node.focus();
}

/** focusIfLost for the first heading inside `node` (a plan section, whose heading is its own component's). */
export function focusHeadingIfLost(node: HTMLElement): void {
  const heading = node.querySelector<HTMLElement>('h1, h2');
  if (heading) focusIfLost(heading);
}

/**
 * Focuses `node` when it appears if `wanted` (a field the member was sent to, such as the signaling
 * servers from Share's "Add a server"), so they land on the field to fill in, not the top of the page.
 */
export function focusIfWanted(node: HTMLElement, wanted: boolean): void {
  if (wanted) node.focus();
}
