/**
 * Page objects for printing and backups: the "Print and backup" section of a plan, the print tabs
 * it opens (read back as PDF text), and the "Import a backup" control on the plan list.
 */
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** Whitespace removed: PDF text runs split and join words unpredictably across lines. */
export const squash = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/**
 * The page printed to PDF in Chromium (print media, as the print dialog would) and its text read
 * back with pdfjs-dist, so what is checked is what lands on paper.
 */
export async function printedText(page: Page): Promise<string> {
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    text += '\n';
  }
  await doc.destroy();
  return text;
}

/**
 * Checks nothing scrolls sideways at 320 px (WCAG 1.4.10 reflow), then saves screenshots into
 * .tmp/screens: `<name>.png` at 400 px as the panel shows it (scroll bar hidden, so the picture is
 * the full width) and, with `paper`, `<name>-paper.png` in print media at A4 width.
 */
export async function checkAndShoot(page: Page, name: string, options: { paper?: boolean } = {}): Promise<void> {
  const size = page.viewportSize() ?? { width: 400, height: 900 };
  await page.setViewportSize({ width: 320, height: size.height });
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, `${name}: ${scroll} px wide at 320 px`).toBeLessThanOrEqual(client);
  await page.setViewportSize({ width: 400, height: size.height });
  await page.addStyleTag({ content: 'html { scrollbar-width: none; }' });
  await page.screenshot({ path: `.tmp/screens/${name}.png`, fullPage: true });
  if (options.paper) {
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: `.tmp/screens/${name}-paper.png`, fullPage: true });
    await page.emulateMedia({ media: null });
  }
  await page.setViewportSize(size);
}

export class PrintAndBackupPage {
  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
  ) {}

  get section(): Locator {
    return this.page.getByRole('region', { name: 'Print and backup' });
  }

  /** Clicks a print button and returns the tab it opens, once the document is on screen. */
  async openPrint(button: string | RegExp): Promise<Page> {
    const [tab] = await Promise.all([this.context.waitForEvent('page'), this.section.getByRole('button', { name: button }).click()]);
    await tab.waitForLoadState('domcontentloaded');
    await expect(tab.getByRole('button', { name: 'Print', exact: true })).toBeEnabled();
    await expect(tab.getByRole('article')).toBeVisible();
    return tab;
  }

  get backupForm(): Locator {
    return this.page.getByRole('form', { name: 'Back up this plan' });
  }

  /** Downloads a backup (encrypted when a passphrase is given); returns its file name and text. */
  async downloadBackup(passphrase?: string): Promise<{ name: string; text: string }> {
    const form = this.backupForm;
    await form.getByLabel('Protect the file with a passphrase').setChecked(passphrase !== undefined);
    if (passphrase !== undefined) {
      await form.getByLabel('Passphrase', { exact: true }).fill(passphrase);
      await form.getByLabel('Type the passphrase again').fill(passphrase);
    }
    const [download] = await Promise.all([this.page.waitForEvent('download'), form.getByRole('button', { name: 'Download backup' }).click()]);
    await expect(form.getByRole('status')).toContainText(`saved as ${download.suggestedFilename()}`);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  }
}

export class ImportBackupPage {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Import a backup' });
  }

  get fileInput(): Locator {
    return this.region.getByLabel('Backup file');
  }

  async choose(name: string, text: string): Promise<void> {
    await this.fileInput.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
  }

  async unlock(passphrase: string): Promise<void> {
    await this.region.getByLabel('Passphrase for this backup').fill(passphrase);
    await this.region.getByRole('button', { name: 'Import plan' }).click();
  }

  get error(): Locator {
    return this.region.locator('.field-error');
  }

  get imported(): Locator {
    return this.region.getByRole('status');
  }
}
