/**
 * Runs something once the pointer button is up again (at once when none is pressed). A click
 * elsewhere blurs a field on pointer-down; if the blur changes the layout then (a toolbar hidden),
 * the page reflows, scroll anchoring moves what is under the pointer, and the pointer-up lands on
 * something else: the click is lost. Layout changes on blur wait for the release instead.
 */
let held = false;
if (typeof window !== 'undefined') {
  window.addEventListener('pointerdown', () => (held = true), true);
  for (const type of ['pointerup', 'pointercancel']) window.addEventListener(type, () => (held = false), true);
}

export function afterPointerRelease(run: () => void): void {
  if (!held) return run();
  const done = () => {
    window.removeEventListener('pointerup', done, true);
    window.removeEventListener('pointercancel', done, true);
    // After the click the release makes, which comes in the same task.
    setTimeout(run);
  };
  window.addEventListener('pointerup', done, true);
  window.addEventListener('pointercancel', done, true);
}
