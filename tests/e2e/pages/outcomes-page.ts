/** Page objects: the "Core group" and "Outcomes and actions" sections of an open plan. */
import { expect, type Locator, type Page } from '@playwright/test';
import { dateInput, fillDate } from './date-input.ts';

export interface MemberInput {
  name: string;
  agency: string;
  role: string;
  contact?: string;
}

export interface OutcomeInput {
  statement: string;
  measure: string;
  due: string;
  sustainability: string;
}

export interface ActionInput {
  description: string;
  /** The owner as the list shows them: "Name (Agency)". */
  owner: string;
  due: string;
  measure: string;
}

export class CoreGroupPage {
  constructor(readonly page: Page) {}

  get form(): Locator {
    return this.page.getByRole('form', { name: 'Add a member' });
  }

  /** A member's fieldset, by the start of its legend (the member's name). */
  member(name: string): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^${name}`) });
  }

  async addMember(m: MemberInput): Promise<void> {
    await this.form.getByLabel('Name').fill(m.name);
    await this.form.getByLabel('Agency').fill(m.agency);
    await this.form.getByLabel('Role and responsibilities').fill(m.role);
    if (m.contact) await this.form.getByLabel('Contact details').fill(m.contact);
    await this.form.getByRole('button', { name: 'Add member' }).click();
    await expect(this.member(m.name)).toBeVisible();
  }

  async addMe(): Promise<void> {
    await this.page.getByRole('button', { name: /^Add me,/ }).click();
  }

  async choose(role: 'Chair' | 'Deputy chair', label: string): Promise<void> {
    await this.page.getByLabel(role, { exact: true }).selectOption({ label });
  }

  notices(): Locator {
    return this.page.locator('[data-notice]');
  }

  agreementField(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async removeMember(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${name} from the core group` }).click();
  }

  async restoreMember(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Restore ${name} to the core group` }).click();
  }
}

export class OutcomesPage {
  constructor(readonly page: Page) {}

  domain(label: string): Locator {
    return this.page.getByRole('region', { name: label, exact: true });
  }

  /** An outcome (its <details>), by the start of its statement as its summary shows it. */
  outcome(statement: string): Locator {
    return this.page.locator('details.outcome').filter({ has: this.page.locator('summary', { hasText: statement }) });
  }

  /** Opens an outcome's card if it is closed, by its summary as a member does. */
  async expand(outcome: Locator): Promise<void> {
    if ((await outcome.getAttribute('open')) === null) await outcome.locator('summary').click();
    await expect(outcome).toHaveAttribute('open', '');
  }

  /** The outcome statements of a domain, in display order. */
  async statements(domainLabel: string): Promise<string[]> {
    return this.domain(domainLabel).locator('details.outcome summary .statement').allTextContents();
  }

  async addOutcome(domainLabel: string, o: OutcomeInput): Promise<Locator> {
    const region = this.domain(domainLabel);
    await region.getByRole('button', { name: `Add an outcome to ${domainLabel}` }).click();
    const statement = region.getByLabel('What needs to change').last();
    await expect(statement).toBeFocused();
    await statement.fill(o.statement);
    const outcome = this.outcome(o.statement);
    await outcome.getByLabel('How progress will be measured').fill(o.measure);
    await fillDate(dateInput(outcome, 'By when').first(), o.due);
    await outcome.getByLabel('How the change will be sustained').fill(o.sustainability);
    return outcome;
  }

  /** An action's fieldset within an outcome, by its position (1-based). */
  action(outcome: Locator, n: number): Locator {
    return outcome.getByRole('group', { name: `Action ${n}`, exact: true });
  }

  async addAction(outcome: Locator, a: ActionInput): Promise<Locator> {
    await outcome.getByRole('button', { name: /^Add an action/ }).click();
    const description = outcome.getByLabel('What will be done').last();
    await expect(description).toBeFocused();
    await description.fill(a.description);
    const n = await outcome.locator('fieldset.action').count();
    const fieldset = this.action(outcome, n);
    await fieldset.getByLabel('Who will do it').selectOption({ label: a.owner });
    await fillDate(dateInput(fieldset, 'By when'), a.due);
    await fieldset.getByLabel('How it will be measured').fill(a.measure);
    return fieldset;
  }

  /** The action descriptions of an outcome, in display order. */
  async actionDescriptions(outcome: Locator): Promise<string[]> {
    return outcome.locator('fieldset.action textarea[id$="-description"]').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  }

  /** The list item (drag handle and card) of the action described `description`. */
  async actionRow(outcome: Locator, description: string): Promise<Locator> {
    const ids = await outcome.locator('fieldset.action').evaluateAll((els, d) =>
      els.filter((e) => (e.querySelector('textarea[id$="-description"]') as HTMLTextAreaElement).value === d).map((e) => e.getAttribute('data-action')),
    description);
    return outcome.locator(`li[data-item="${ids[0]}"]`);
  }

  /** The section's polite live region, where moves, removals and restores are announced. */
  liveRegion(): Locator {
    return this.page.locator('section[aria-labelledby="outcomes-heading"] > [role="status"]');
  }
}

/**
 * Screenshots of the whole page as a reader scrolls it, one viewport at a time, into
 * .tmp/screens/<name>-<n>.png. (A full-page capture here renders the panel narrower than it is.)
 */
export async function screenshotsDown(page: Page, name: string): Promise<void> {
  const height = page.viewportSize()?.height ?? 900;
  const total = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let n = 0, y = 0; y < total; n++, y += height - 60) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.screenshot({ path: `.tmp/screens/${name}-${n}.png` });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
