/**
 * Keeping an invite secret from lingering where others can read it: the address bar and history
 * (a link opened to join a plan carries the secret in its fragment), and the clipboard (a member
 * copied the link to paste into their secure email). The window and clipboard are passed in.
 */

/** How long a copied invite link stays on the clipboard. */
export const CLIPBOARD_CLEAR_MS = 2 * 60_000;

/** Replaces `#/join/<secret>` in the address and the current history entry with `#/join`. */
export function forgetSecretInLocation(win: Pick<Window, 'location' | 'history'>): void {
  const { hash, href } = win.location;
  if (!/^#\/join\/./.test(hash)) return;
  win.history.replaceState(win.history.state, '', href.replace(/#.*$/, '#/join'));
}

/**
 * Empties the clipboard after `ms` if it still holds `text`. Where the browser will not let the
 * page read the clipboard, it is emptied anyway (the page cannot tell), and where it will not let
 * the page write, nothing happens. Returns the cancel.
 */
export function clearClipboardLater(
  clipboard: Pick<Clipboard, 'readText' | 'writeText'>,
  text: string,
  ms: number = CLIPBOARD_CLEAR_MS,
  timers: { set: typeof setTimeout; clear: typeof clearTimeout } = { set: setTimeout, clear: clearTimeout },
): () => void {
  const timer = timers.set(() => {
    void clipboard
      .readText()
      .then(
        (now) => now === text,
        () => true,
      )
      .then((ours) => (ours ? clipboard.writeText('') : undefined))
      .catch(() => {});
  }, ms);
  return () => timers.clear(timer);
}
