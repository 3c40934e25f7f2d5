/**
 * What the member sees at one instant: the text of some fields (found by their visible labels) and
 * whether the status line says the plan is saved on this device. Read in one page.evaluate, i.e.
 * in one task of the page, so the text and the status belong to the same moment: a word the
 * snapshot shows next to "Saved on this device" is one the interface claimed was saved.
 */
import type { Page } from '@playwright/test';

/** The status line's words once every edit is committed (lib/sync/sync-status.ts). */
export const SAVED_TEXT = 'Saved on this device';

export interface SaveSnapshot {
  /** True when the status line said SAVED_TEXT at that instant. */
  saved: boolean;
  /** The status line's words (for failure messages). */
  status: string;
  /** Each field's text, by the label asked for. */
  texts: Record<string, string>;
}

/**
 * Reads `labels`' fields and the save status at once. A field is an input or textarea named by a
 * <label for>, or a contenteditable (ProseMirror) named by aria-labelledby. Throws if a label
 * names no field, so a renamed label fails loudly instead of reading ''.
 */
export function readSaveSnapshot(page: Page, labels: readonly string[]): Promise<SaveSnapshot> {
  return page.evaluate(
    ({ labels, savedText }) => {
      const fieldFor = (label: string): HTMLElement => {
        for (const el of document.querySelectorAll<HTMLLabelElement>('label[for]')) {
          if (el.textContent?.trim() === label) {
            const target = document.getElementById(el.htmlFor);
            if (target) return target;
          }
        }
        for (const el of document.querySelectorAll<HTMLElement>('[contenteditable][aria-labelledby]')) {
          const names = el.getAttribute('aria-labelledby')!.split(/\s+/).map((id) => document.getElementById(id)?.textContent?.trim());
          if (names.includes(label)) return el;
        }
        throw new Error(`no field labelled “${label}” on the page`);
      };
      const textOf = (el: HTMLElement) =>
        el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : el.innerText;
      const status = document.querySelector('.save-status')?.textContent?.trim() ?? '';
      const texts: Record<string, string> = {};
      for (const label of labels) texts[label] = textOf(fieldFor(label));
      return { saved: status === savedText, status, texts };
    },
    { labels: [...labels], savedText: SAVED_TEXT },
  );
}

/**
 * Starts recording every change of the status line's words, so a test can wait for a state that
 * may last only a frame ("Saving…") and then for what followed it. Read with `saveStatusLog`.
 */
export async function recordSaveStatus(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: string[] = [];
    const read = () => document.querySelector('.save-status')?.textContent?.trim() ?? '';
    log.push(read());
    new MutationObserver(() => {
      const now = read();
      if (now !== log[log.length - 1]) log.push(now);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    (window as unknown as { saveStatusLog: string[] }).saveStatusLog = log;
  });
}

/** The status line's words since `recordSaveStatus`, oldest first. */
export function saveStatusLog(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { saveStatusLog: string[] }).saveStatusLog]);
}
