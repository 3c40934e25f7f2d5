/** Page objects: the Meetings, Agency reports and Chronology sections of an open plan. */
import { expect, type Locator, type Page } from '@playwright/test';
import { dateInput, fillDate } from './date-input.ts';

/** A rich-text field's editable area, by its exact label. */
function richText(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('textbox', { name: label, exact: true });
}

/** Types into a rich-text field at its end. */
async function typeRichText(page: Page, label: string, text: string): Promise<void> {
  const field = richText(page, label);
  await field.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/**
 * A full-page screenshot into .tmp/screens/<name>.png, with the scroll bar hidden so the picture is
 * the layout at the full viewport width (a tall page otherwise loses its right edge in the capture).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.addStyleTag({ content: 'html { scrollbar-width: none; }' });
  await page.screenshot({ path: `.tmp/screens/${name}.png`, fullPage: true });
}

/** Fails if the page scrolls sideways (WCAG 1.4.10 reflow: nothing wider than the panel). */
export async function expectNoSidewaysScroll(page: Page, context: string): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `sideways scroll: ${context}`).toBeLessThanOrEqual(widths.client);
}

export class MeetingsPage {
  constructor(readonly page: Page) {}

  get newMeeting(): Locator {
    return this.page.getByRole('group', { name: 'Add a meeting' });
  }

  /** Fills and submits the new-meeting form (it opens the meeting when accepted). */
  async addMeeting(kind: string, held: 'Held' | 'Scheduled (still to come)', date: string): Promise<void> {
    await this.newMeeting.getByLabel('Kind of meeting').selectOption({ label: kind });
    await this.newMeeting.getByLabel('Held or scheduled').selectOption({ label: held });
    await fillDate(dateInput(this.newMeeting, 'Date'), date);
    await this.newMeeting.getByRole('button', { name: 'Add meeting' }).click();
  }

  /** The meetings listed, top to bottom, as their open buttons name them. */
  listed(): Locator {
    return this.page.getByRole('region', { name: 'Meetings' }).getByRole('listitem').getByRole('button', { name: /^Open / });
  }

  async open(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Open ${title}` }).click();
    await expect(this.page.getByRole('heading', { level: 3, name: title })).toBeFocused();
  }

  async back(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to all meetings' }).first().click();
  }

  async addAttendee(name: string, agency: string, status: 'Present' | 'Sent apologies' | 'Absent (no apologies)'): Promise<void> {
    const form = this.page.getByRole('group', { name: 'Add someone to the list' });
    await form.getByLabel('Who').selectOption({ label: 'Someone else (type their name)' });
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('Agency or relationship to the child').fill(agency);
    await form.getByLabel('Attendance').selectOption({ label: status });
    await form.getByRole('button', { name: 'Add to the list' }).click();
  }

  /** Adds a core group member, chosen by how the list names them ("Name, Agency"). */
  async addMember(member: string, status: 'Present' | 'Sent apologies' | 'Absent (no apologies)'): Promise<void> {
    const form = this.page.getByRole('group', { name: 'Add someone to the list' });
    await form.getByLabel('Who').selectOption({ label: member });
    await expect(form.getByLabel('Name', { exact: true })).toBeHidden();
    await form.getByLabel('Attendance').selectOption({ label: status });
    await form.getByRole('button', { name: 'Add to the list' }).click();
  }

  async addDecision(text: string): Promise<void> {
    const form = this.page.getByRole('group', { name: 'Add a decision' });
    await form.getByLabel('Decision').fill(text);
    await form.getByRole('button', { name: 'Add decision' }).click();
  }

  get dissentForm(): Locator {
    return this.page.getByRole('group', { name: 'Record dissent' });
  }

  async recordDissent(who: string, agency: string, reason: string): Promise<void> {
    await this.dissentForm.getByLabel('Who disagrees').fill(who);
    await this.dissentForm.getByLabel('Agency or relationship to the child').fill(agency);
    await this.dissentForm.getByLabel('Their reasons').fill(reason);
    await this.dissentForm.getByRole('button', { name: 'Record dissent' }).click();
  }

  async addChange(change: string, reason: string): Promise<void> {
    const form = this.page.getByRole('group', { name: 'Add a change to the plan' });
    await form.getByLabel('What changes').fill(change);
    await form.getByLabel('Why').fill(reason);
    await form.getByRole('button', { name: 'Add change' }).click();
  }

  minutes(): Locator {
    return richText(this.page, 'Minutes');
  }

  async typeMinutes(text: string): Promise<void> {
    await typeRichText(this.page, 'Minutes', text);
  }
}

export class ReportsPage {
  constructor(readonly page: Page) {}

  get startForm(): Locator {
    return this.page.getByRole('group', { name: 'Start a report' });
  }

  async startReport(conference: string): Promise<void> {
    await this.startForm.getByLabel('Conference').selectOption({ label: conference });
    await this.startForm.getByRole('button', { name: 'Start report' }).click();
  }

  richText(label: string): Locator {
    return richText(this.page, label);
  }

  async typeRichText(label: string, text: string): Promise<void> {
    await typeRichText(this.page, label, text);
  }

  async back(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to all reports' }).first().click();
  }
}

export class ChronologyPage {
  constructor(readonly page: Page) {}

  get form(): Locator {
    return this.page.getByRole('group', { name: 'Add to the chronology' });
  }

  /** Fills the add form (agency only when given, else the member's own stays) and submits it. */
  async add(entry: { date: string; event: string; agency?: string; link?: string }): Promise<void> {
    await fillDate(dateInput(this.form, 'Date'), entry.date);
    await this.form.getByLabel('What happened').fill(entry.event);
    if (entry.agency !== undefined) await this.form.getByLabel('Source agency').fill(entry.agency);
    await this.form.getByLabel('Link to the source record (optional)').fill(entry.link ?? '');
    await this.form.getByRole('button', { name: 'Add entry' }).click();
  }

  /** The entries' events, top to bottom. */
  events(): Locator {
    return this.page.locator('ol.chronology .event');
  }

  entry(event: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: event });
  }
}
