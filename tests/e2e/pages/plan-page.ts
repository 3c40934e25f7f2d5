/** Page object: an open plan. */
import { expect, type Page } from '@playwright/test';

export class PlanPage {
  constructor(readonly page: Page) {}

  async expectOpen(familyName: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: `${familyName} family` })).toBeVisible();
  }

  /** Opens a section of the plan from the section navigation. */
  async goToSection(title: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: title, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  }

  get saveStatus() {
    return this.page.locator('.save-status');
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText('Saved on this device');
  }

  /** The editable area of a rich-text field, by its visible label. */
  richText(label: string) {
    return this.page.getByRole('textbox', { name: label });
  }

  dangerStatement() {
    return this.richText('What we are worried will happen to the children if nothing changes');
  }

  /** Types `text` at the end of the danger statement, from wherever the plan is open. */
  async addToDangerStatement(text: string): Promise<void> {
    await this.goToSection('Strengthening Families');
    await this.dangerStatement().click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }

  planId(): string {
    const match = /#\/plan\/([0-9a-f]{32})/.exec(this.page.url());
    if (!match) throw new Error(`not on a plan page: ${this.page.url()}`);
    return match[1]!;
  }
}
