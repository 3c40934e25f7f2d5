/**
 * Page object: the family, Strengthening Families and contingency sections of an open plan, driven
 * the way a practitioner would (labels, roles, keyboard), never by CSS classes.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { dateInput, fillDate } from './date-input.ts';

export interface PersonInput {
  name: string;
  kind: 'Parent' | 'Carer' | 'Other significant person';
  relationship: string;
  contact?: string;
}

export interface ScoreInput {
  person: string;
  agency?: string;
  score: string;
  date: string;
  note?: string;
}

export interface ContactInput {
  who: string;
  withWhom: string;
  frequency: string;
  seenAlone: boolean;
  notes?: string;
}

/** Text for a rich-text field: a paragraph, a bold paragraph, then a bulleted list. */
export interface FormattedText {
  intro: string;
  bold: string;
  bullets: string[];
}

/** The children of the framework journeys' plan. */
export const AVA_AND_LEO = [
  { name: 'Ava', dob: '2017-04-02' },
  { name: 'Leo', dob: '2021-09-15' },
];

/** The formatted text the framework journeys write into a rich-text field, and read back. */
export const formattedTextFor = (label: string): FormattedText => ({
  intro: `About ${label.toLowerCase()}.`,
  bold: `Agreed at core group: ${label.slice(0, 12)}.`,
  bullets: [`First point for ${label.slice(0, 10)}`, 'Second point'],
});

export class FrameworkSectionsPage {
  constructor(readonly page: Page) {}

  region(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  // Family and children

  get addPersonForm(): Locator {
    return this.page.getByRole('group', { name: 'Add a parent, carer or significant person' });
  }

  person(name: string): Locator {
    return this.region('Parents, carers and other significant people').getByRole('group', { name, exact: true });
  }

  async addPerson(p: PersonInput): Promise<void> {
    const form = this.addPersonForm;
    await form.getByLabel('Name', { exact: true }).fill(p.name);
    await form.getByLabel('Parent, carer or other').selectOption({ label: p.kind });
    await form.getByLabel('Relationship to the children').fill(p.relationship);
    if (p.contact) await form.getByLabel('Phone or email').fill(p.contact);
    await form.getByRole('button', { name: 'Add person' }).click();
  }

  get category(): Locator {
    return this.region('Category of abuse or neglect');
  }

  get status(): Locator {
    return this.region('Plan status');
  }

  // Strengthening Families

  /** A rich-text field's editable area by its exact label. */
  richText(label: string): Locator {
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  /** Types a paragraph, a bold paragraph and a bulleted list, as a member would with the keyboard and toolbar. */
  async writeFormatted(label: string, text: FormattedText): Promise<void> {
    const box = this.richText(label);
    await box.click();
    await this.page.keyboard.type(text.intro);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Control+b');
    await this.page.keyboard.type(text.bold);
    await this.page.keyboard.press('Control+b');
    await this.page.keyboard.press('Enter');
    await this.page.getByRole('toolbar', { name: `Formatting for ${label}`, exact: true }).getByRole('button', { name: '• List' }).click();
    for (const [i, item] of text.bullets.entries()) {
      if (i > 0) await this.page.keyboard.press('Enter');
      await this.page.keyboard.type(item);
    }
  }

  async expectFormatted(label: string, text: FormattedText): Promise<void> {
    const box = this.richText(label);
    await expect(box.locator(':scope > p').first()).toHaveText(text.intro);
    await expect(box.locator('strong')).toHaveText(text.bold);
    await expect(box.locator('ul > li')).toHaveText(text.bullets);
  }

  get addScoreForm(): Locator {
    return this.page.getByRole('group', { name: 'Add a score' });
  }

  async addScore(s: ScoreInput): Promise<void> {
    const form = this.addScoreForm;
    await form.getByLabel('Whose score', { exact: true }).fill(s.person);
    await form.getByLabel('Agency (if a professional)').fill(s.agency ?? '');
    await form.getByLabel('Score (0 to 10)').fill(s.score);
    await fillDate(dateInput(form, 'Date given'), s.date);
    await form.getByLabel('Why this score (optional)').fill(s.note ?? '');
    await form.getByRole('button', { name: 'Add score' }).click();
  }

  get scoreTable(): Locator {
    return this.page.getByRole('table', { name: 'Scaling scores, oldest first' });
  }

  /** The scaling part of the framework: meaning, chart, table and form. */
  get scaling(): Locator {
    return this.page.locator('details', { has: this.page.getByRole('heading', { name: 'Scaling', exact: true }) });
  }

  get scoreChart(): Locator {
    return this.page.getByRole('img', { name: /^Scaling scores over time/ });
  }

  // Contingency and contact

  get addContactForm(): Locator {
    return this.page.getByRole('group', { name: 'Add a contact arrangement' });
  }

  async addContact(c: ContactInput): Promise<void> {
    const form = this.addContactForm;
    await form.getByLabel('Who has the contact').fill(c.who);
    await form.getByLabel('Whom they see').fill(c.withWhom);
    await form.getByLabel('How often').fill(c.frequency);
    await form.getByLabel('The child is seen alone').setChecked(c.seenAlone);
    await form.getByLabel('Notes (optional)').fill(c.notes ?? '');
    await form.getByRole('button', { name: 'Add contact arrangement' }).click();
  }

  contact(title: string): Locator {
    return this.region('Who sees whom, and how often').getByRole('group', { name: title, exact: true });
  }

  /**
   * Nothing on the page scrolls sideways at `width` px (WCAG 1.4.10 reflow); optionally a screenshot
   * at that width, scrolled to `shot.of`, to look at.
   */
  async expectReflowsAt(width: number, shot?: { path: string; of?: Locator }): Promise<void> {
    const size = this.page.viewportSize();
    await this.page.setViewportSize({ width, height: size?.height ?? 900 });
    // Against clientWidth, not `width`: a vertical scrollbar takes its share of the width too.
    const { scroll, client } = await this.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll, `page ${scroll} px wide in a ${client} px panel`).toBeLessThanOrEqual(client);
    // A viewport screenshot: Chromium draws full-page and element shots as if there were no scrollbar.
    if (shot?.of) await shot.of.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    if (shot) await this.page.screenshot({ path: shot.path });
    if (size) await this.page.setViewportSize(size);
  }
}
