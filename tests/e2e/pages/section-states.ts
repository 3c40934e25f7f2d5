/**
 * The states each plan section can be seen in, beyond empty: refused (a validation error shown)
 * and populated, reached the way a member would. Each section's states start from a new plan and
 * need nothing from other sections (a report's conference is added by the report's own first
 * state), so the accessibility spec can check sections in any order and in parallel. A section
 * with no entry here fails that spec, so a new section cannot go unchecked.
 */
import { expect, type Page } from '@playwright/test';
import { FrameworkSectionsPage } from './framework-sections-page.ts';
import { OutcomesPage, CoreGroupPage } from './outcomes-page.ts';
import { ChronologyPage, MeetingsPage, ReportsPage } from './meetings-page.ts';
import { HistoryPage } from './history-page.ts';
import { PlanPage } from './plan-page.ts';
import type { SectionId } from '../../../lib/state/route.ts';
import { dateInput, fillDate } from './date-input.ts';

export interface SectionState {
  /** What the member sees, e.g. "person refused". */
  state: string;
  /** Brings the open section into this state and waits until it shows. */
  reach: (page: Page) => Promise<void>;
}

const ICPC = 'Initial child protection conference';
/** The conference as the reports' list names it: its kind and the day it was held. */
const ICPC_HELD = `${ICPC}, 10 January 2025`;
const DEV = "The child's developmental needs";

/** By section id (lib/state/route.ts). An empty list: the section has nothing to refuse or fill. */
export const SECTION_STATES: Record<SectionId, SectionState[]> = {
  family: [
    {
      state: 'person refused',
      reach: async (page) => {
        const fw = new FrameworkSectionsPage(page);
        await fw.addPersonForm.getByRole('button', { name: 'Add person' }).click();
        await expect(fw.addPersonForm).toContainText('Enter the person’s name.');
      },
    },
    {
      state: 'populated',
      reach: async (page) => {
        const fw = new FrameworkSectionsPage(page);
        await fw.addPerson({ name: 'Jo Testington', kind: 'Parent', relationship: 'Mother', contact: '07700 900123' });
        await expect(fw.person('Jo Testington')).toBeVisible();
        await fw.category.getByRole('radio', { name: 'Neglect' }).check();
        await fw.category.getByRole('button', { name: 'Save category' }).click();
        await expect(fw.category.getByRole('status')).toHaveText('Category saved.');
      },
    },
  ],
  // Counted from the other sections: the spec checks it again in a plan with a conference held.
  due: [],
  // Chair mode has its own test: it needs a chair who is the member at this machine.
  meeting: [],
  framework: [
    {
      state: 'score refused',
      reach: async (page) => {
        const fw = new FrameworkSectionsPage(page);
        await fw.addScore({ person: 'Jo Testington', score: '11', date: '2025-01-10' });
        await expect(fw.addScoreForm).toContainText('The score must be from 0 to 10.');
      },
    },
    {
      state: 'populated',
      reach: async (page) => {
        const fw = new FrameworkSectionsPage(page);
        await fw.addScoreForm.getByLabel('Score (0 to 10)').fill('4');
        await fw.addScoreForm.getByRole('button', { name: 'Add score' }).click();
        await expect(fw.scoreChart).toBeVisible();
        await fw.writeFormatted('What we are worried will happen to the children if nothing changes', {
          intro: 'Ava could be hurt when the adults argue.',
          bold: 'Ava has said she is frightened.',
          bullets: ['Shouting at night', 'No food in the house'],
        });
      },
    },
  ],
  outcomes: [
    {
      state: 'populated, with findings',
      reach: async (page) => {
        const outcomes = new OutcomesPage(page);
        const outcome = await outcomes.addOutcome(DEV, {
          statement: 'Ava is at school on time every day',
          measure: 'School attendance above 95% each half term',
          due: '2027-07-16',
          sustainability: 'Mum has a morning routine she keeps without reminders',
        });
        await outcome.getByRole('button', { name: /^Add an action/ }).click();
        await outcome.getByLabel('What will be done').last().fill('Support mum');
        await expect(outcome.getByText('To fix:').first()).toBeVisible();
      },
    },
    {
      state: 'progress note refused',
      reach: async (page) => {
        const notes = page.getByRole('group', { name: 'Progress notes' });
        await notes.getByRole('button', { name: /^Add progress note/ }).click();
        await expect(notes.getByText('Enter what progress has been made.')).toBeVisible();
      },
    },
  ],
  contingency: [
    {
      state: 'contact refused',
      reach: async (page) => {
        const fw = new FrameworkSectionsPage(page);
        await fw.addContactForm.getByRole('button', { name: 'Add contact arrangement' }).click();
        await expect(fw.addContactForm).toContainText('Enter who has the contact');
      },
    },
    {
      state: 'populated',
      reach: async (page) => {
        const fw = new FrameworkSectionsPage(page);
        await fw.addContact({ who: 'School nurse', withWhom: 'Ava', frequency: 'Every half term', seenAlone: true });
        await expect(fw.contact('School nurse with Ava')).toBeVisible();
      },
    },
  ],
  'core-group': [
    {
      state: 'name refused',
      reach: async (page) => {
        const group = new CoreGroupPage(page);
        await group.form.getByRole('button', { name: 'Add member' }).click();
        await expect(group.form.getByText("Enter the new member's name.")).toBeVisible();
      },
    },
    {
      state: 'populated',
      reach: async (page) => {
        const group = new CoreGroupPage(page);
        await group.addMember({ name: 'Sam Jones', agency: "Children's Social Care", role: 'Lead social worker' });
        await group.addMember({ name: 'Priya Shah', agency: 'Health', role: 'Health visitor', contact: '01234 567890' });
        await group.choose('Chair', "Sam Jones (Children's Social Care)");
        await expect(group.member('Sam Jones')).toHaveAccessibleName('Sam Jones (chair)');
      },
    },
  ],
  meetings: [
    {
      state: 'date refused',
      reach: async (page) => {
        const meetings = new MeetingsPage(page);
        await meetings.newMeeting.getByRole('button', { name: 'Add meeting' }).click();
        await expect(meetings.newMeeting.locator('.field-error')).toHaveText('Enter the date of the meeting, with day, month and year.');
      },
    },
    {
      state: 'a meeting, populated, dissent refused',
      reach: async (page) => {
        const meetings = new MeetingsPage(page);
        await meetings.addMeeting(ICPC, 'Held', '2025-01-10');
        await expect(page.getByRole('heading', { level: 3, name: ICPC })).toBeFocused();
        await meetings.addAttendee('Priya Shah', 'Health', 'Present');
        await meetings.addDecision('Child protection plan under the category of neglect');
        await meetings.dissentForm.getByLabel('Who disagrees').fill('Priya Shah');
        await meetings.dissentForm.getByRole('button', { name: 'Record dissent' }).click();
        await expect(meetings.dissentForm.locator('.field-error')).toHaveText('Enter their reasons. Dissent is always recorded with its reasons.');
      },
    },
    {
      state: 'list',
      reach: async (page) => {
        const meetings = new MeetingsPage(page);
        await meetings.back();
        await expect(meetings.listed()).toHaveCount(1);
      },
    },
  ],
  reports: [
    {
      state: 'a conference to report on',
      reach: async (page) => {
        const plan = new PlanPage(page);
        await plan.goToSection('Meetings');
        await new MeetingsPage(page).addMeeting(ICPC, 'Held', '2025-01-10');
        await plan.goToSection('Agency reports');
        await expect(new ReportsPage(page).startForm.getByLabel('Conference')).toBeVisible();
      },
    },
    {
      state: 'a report, populated',
      reach: async (page) => {
        const reports = new ReportsPage(page);
        await reports.startForm.getByLabel('Agency or organisation').fill('Health visiting');
        await reports.startForm.getByLabel('Name and role of the author').fill('Priya Shah, health visitor');
        await reports.startReport(ICPC_HELD);
        await reports.typeRichText('Parenting capacity', 'Jo is warm with the children but misses appointments.');
        await page.getByLabel('Shared with the parent').check();
        await fillDate(dateInput(page, 'Date shared with the parent'), '2099-01-01');
        await expect(page.getByText('This date is still to come. Record it once it has happened.')).toBeVisible();
      },
    },
    {
      state: 'list',
      reach: async (page) => {
        await new ReportsPage(page).back();
        await expect(page.getByRole('button', { name: 'Back to all reports' })).toHaveCount(0);
      },
    },
  ],
  chronology: [
    {
      state: 'entry refused',
      reach: async (page) => {
        const chronology = new ChronologyPage(page);
        await chronology.form.getByRole('button', { name: 'Add entry' }).click();
        await expect(chronology.form.locator('.field-error').filter({ hasText: 'Enter what happened.' })).toBeVisible();
      },
    },
    {
      state: 'populated',
      reach: async (page) => {
        const chronology = new ChronologyPage(page);
        await chronology.add({ date: '2025-01-03', event: 'Referral from school', agency: 'Education', link: 'https://records.example.org/incident/42' });
        await expect(chronology.events()).toHaveText(['Referral from school']);
      },
    },
  ],
  history: [
    {
      state: 'version refused',
      reach: async (page) => {
        const history = new HistoryPage(page);
        await history.section.getByRole('button', { name: 'Save a version' }).click();
        await expect(history.section.locator('.field-error')).toHaveText('Enter a name for the version, for example “Agreed at the core group”.');
      },
    },
    {
      state: 'a version, compared with now',
      reach: async (page) => {
        const history = new HistoryPage(page);
        await history.saveVersion('Before the core group');
        await expect(history.section.getByRole('status')).toContainText('Saved the version “Before the core group”.');
        await history.compareWithNow('Before the core group');
      },
    },
    {
      state: 'a version, viewed',
      reach: async (page) => {
        await new HistoryPage(page).view('Before the core group');
      },
    },
  ],
  print: [
    {
      state: 'backup refused',
      reach: async (page) => {
        const form = page.getByRole('form', { name: 'Back up this plan' });
        await form.getByLabel('Protect the file with a passphrase').check();
        await form.getByLabel('Passphrase', { exact: true }).fill('correct horse battery staple');
        await form.getByLabel('Type the passphrase again').fill('correct horse');
        await form.getByRole('button', { name: 'Download backup' }).click();
        await expect(form.locator('.field-error')).not.toHaveCount(0);
      },
    },
  ],
};
