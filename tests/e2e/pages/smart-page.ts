/**
 * Page object: the SMART and plain-language checks as a practitioner meets them: findings under a
 * field, their one-click fixes, the SMART strip of the Outcomes section, the counts in the section
 * navigation, and the lists that refuse "agreed" and "circulated".
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class SmartPage {
  constructor(readonly page: Page) {}

  /** The findings list a field names in its aria-describedby (FieldFindings), once it has findings (they follow typing by a moment). */
  async findingsOf(field: Locator): Promise<Locator> {
    await expect(field, 'the field names its findings in aria-describedby').toHaveAttribute('aria-describedby', /-findings\b/);
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/);
    return this.page.locator(`[id="${ids.find((i) => i.endsWith('-findings'))}"]`);
  }

  /** A one-click fix button, by the start of its words ("Change to “…”", "Set the date to …") and its field. */
  fix(scope: Page | Locator, words: string, fieldLabel: string): Locator {
    return scope.getByRole('button', { name: `${words} in ${fieldLabel}` });
  }

  /** The Outcomes section's SMART strip. */
  get summary(): Locator {
    return this.page.getByRole('region', { name: 'SMART check' });
  }

  /** A letter's chip in the SMART strip, by its label ("Specific", "Time-scaled"…). */
  chip(label: string): Locator {
    return this.summary.getByRole('listitem').filter({ hasText: `${label}: ` });
  }

  /** A section's link in the section navigation. */
  navLink(title: string): Locator {
    return this.page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: title, exact: true });
  }

  /** The refusal shown by Plan status when the plan cannot be marked agreed. */
  get agreedRefusal(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'The plan cannot be marked agreed yet' });
  }

  /** Chooses a status and saves it (Family and children section). */
  async saveStatus(label: 'Outline' | 'Detailed' | 'Agreed'): Promise<void> {
    const status = this.page.getByRole('region', { name: 'Plan status' });
    await status.getByRole('radio', { name: label }).check();
    await status.getByRole('button', { name: 'Save status' }).click();
  }

  /** Types into a rich-text field at its end. */
  async typeRichText(label: string, text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: label, exact: true }).click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }
}
