/** Page object: the list of plans and the new-plan form. */
import { expect, type Page } from '@playwright/test';
import { dateInput, fillDate } from './date-input.ts';

export interface ChildInput {
  name: string;
  dob?: string;
  edd?: string;
}

/** The initial conference given on the new-plan form: held on `date`, or booked for it. */
export interface ConferenceInput {
  date: string;
  booked?: boolean;
}

export class PlanListPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto(this.page.url().replace(/#.*$/, '') + '#/');
    await expect(this.page.getByRole('heading', { name: 'Plans on this device' })).toBeVisible();
  }

  planLink(familyName: string) {
    return this.page.getByRole('link', { name: new RegExp(`^${familyName} family`) });
  }

  async createPlan(familyName: string, children: ChildInput[], profile?: string, conference?: ConferenceInput): Promise<void> {
    await this.page.getByRole('button', { name: 'New plan' }).click();
    await this.page.getByLabel('Family name').fill(familyName);
    for (const [i, child] of children.entries()) {
      if (i > 0) await this.page.getByRole('button', { name: 'Add another child' }).click();
      const group = this.page.getByRole('group', { name: `Child ${i + 1}` });
      await group.getByLabel('Name').fill(child.name);
      if (child.edd) {
        await group.getByLabel('Not born yet').check();
        await fillDate(dateInput(group, 'Expected date of delivery'), child.edd);
      } else {
        await fillDate(dateInput(group, 'Date of birth'), child.dob ?? '');
      }
    }
    if (profile) await this.page.getByLabel('Timescales').selectOption({ label: profile });
    if (conference) {
      const group = this.page.getByRole('group', { name: 'Initial conference' });
      await group.getByLabel(conference.booked ? 'Booked' : 'Held', { exact: true }).check();
      await fillDate(dateInput(group, conference.booked ? 'Date it is booked for' : 'Date it was held'), conference.date);
    }
    await this.page.getByRole('button', { name: 'Create plan' }).click();
  }

  async deletePlan(familyName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Delete the ${familyName} family plan` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Delete the ${familyName} family plan?` });
    await expect(dialog).toContainText(familyName);
    await dialog.getByRole('button', { name: 'Delete plan' }).click();
  }
}
