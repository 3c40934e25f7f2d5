/** Page object: the Meeting section (chair mode) and the live-meeting banner every member sees. */
import { expect, type Page } from '@playwright/test';

export class ChairPage {
  constructor(readonly page: Page) {}

  get banner() {
    return this.page.getByRole('complementary', { name: /in progress/ });
  }

  async startCoreGroup(): Promise<void> {
    await this.page.getByLabel('Kind of meeting').selectOption('core-group');
    await this.page.getByRole('button', { name: 'Start the meeting' }).click();
    await expect(this.page.getByRole('heading', { name: 'Agenda' })).toBeVisible();
  }

  async nextItem(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next item' }).click();
  }

  /** The question asked before a meeting closes. */
  get closeDialog() {
    return this.page.getByRole('dialog', { name: /^Close the / });
  }

  /** Asks to close the meeting and confirms; the summary of the closed meeting follows. */
  async closeMeeting(): Promise<void> {
    await this.page.getByRole('button', { name: 'Close the meeting' }).click();
    await this.closeDialog.getByRole('button', { name: 'Close the meeting' }).click();
    await expect(this.page.getByRole('heading', { name: 'Meeting closed' })).toBeVisible();
  }

  /** The agenda item marked as current. */
  get currentItem() {
    return this.page.locator('.agenda li[aria-current="step"] .title');
  }
}
