/**
 * A Svelte action for a native <dialog> shown while its component is on the page: modal at once
 * (the browser traps focus and Esc cancels), and on the way out focus goes back to what opened it.
 * The dialog leaves the page with its {#if} while still open, and a dialog removed while open does
 * not give focus back itself: keyboard users would start again from the top.
 */
export function modal(dialog: HTMLDialogElement): { destroy(): void } {
  const opener = dialog.ownerDocument.activeElement;
  dialog.showModal();
  return {
    destroy() {
      dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    },
  };
}
