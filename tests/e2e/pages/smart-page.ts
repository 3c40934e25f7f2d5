/**
 * Page object: the SMART and plain-language checks as a practitioner meets them: findings under a
 * field, their one-click fixes, the SMART strip of the Outcomes section, the counts in the section
 * navigation, and the lists that refuse "agreed" and "circulated".
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { addDays, format } from 'date-fns';
import { PlanPage } from './plan-page.ts';
import { CoreGroupPage } from './outcomes-page.ts';
import { MeetingsPage } from './meetings-page.ts';

// The extension reads the real clock; every date is relative to it so the journeys never go stale.
export const day = (offset: number) => format(addDays(new Date(), offset), 'yyyy-MM-dd');
export const inWords = (offset: number) => format(addDays(new Date(), offset), 'd MMMM yyyy');
/** The review conference is booked this many days from today. */
export const REVIEW = 60;
export const DANGER = 'What we are worried will happen to the children if nothing changes';
export const CONTINGENCY = 'What will happen if things do not get better';
export const ICPC_PLAIN = 'the first child protection conference';
/** The one outcome of the SMART journeys (its vague action is added and fixed by each). */
export const SCHOOL_OUTCOME = {
  domain: "The child's developmental needs",
  statement: 'Ava is at school on time every day',
  measure: 'School attendance above 95% each half term',
  due: day(REVIEW - 10),
  sustainability: 'Kept up for three months without reminders',
};

/**
 * The parts of a plan the SMART journeys need complete besides outcomes: two core group members,
 * the initial conference held 3 days ago and the review booked in REVIEW days, and the
 * contingency and contact section. Each step is its own function so a journey can check the
 * section counts between them.
 */
export const completePlan = {
  async coreGroup(page: Page): Promise<void> {
    await new PlanPage(page).goToSection('Core group');
    const group = new CoreGroupPage(page);
    await group.addMember({ name: 'Sam Jones', agency: "Children's Social Care", role: 'Lead social worker' });
    await group.addMember({ name: 'Priya Shah', agency: 'Health', role: 'Health visitor' });
  },
  async conferences(page: Page): Promise<void> {
    await new PlanPage(page).goToSection('Meetings');
    const meetings = new MeetingsPage(page);
    await meetings.addMeeting('Initial child protection conference', 'Held', day(-3));
    await meetings.back();
    await meetings.addMeeting('Review child protection conference', 'Scheduled (still to come)', day(REVIEW));
    await meetings.back();
  },
  async contingency(page: Page): Promise<void> {
    await new PlanPage(page).goToSection('Contingency and contact');
    await new SmartPage(page).typeRichText(CONTINGENCY, 'If school attendance has not improved by the review, Sam will ask for a legal planning meeting.');
    await page.getByLabel('How often the lead social worker visits and sees the child').fill('Every 10 working days, at home');
    await page.getByLabel('How the child is seen alone').fill('Ava in her bedroom at each visit');
  },
};

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
