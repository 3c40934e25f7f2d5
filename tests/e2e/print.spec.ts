/**
 * Journeys: print the plan for the family (in plain language) and for professionals; print an
 * agency report in its template, and see the print follow edits; each checked as the PDF Chromium
 * prints. (Backups: backup.spec.ts.)
 */
import { addDays, format, subDays } from 'date-fns';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import type { BrowserContext, Page } from '@playwright/test';
import type { PlanPage } from './pages/plan-page.ts';
import { CoreGroupPage, OutcomesPage } from './pages/outcomes-page.ts';
import { ChronologyPage, MeetingsPage, ReportsPage } from './pages/meetings-page.ts';
import { PrintAndBackupPage, checkAndShoot, printedText, squash } from './pages/print-page.ts';
import { openNewPlan } from './support/new-plan.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage as OpenPlan } from './pages/plan-page.ts';
import { DueSectionPage } from './pages/deadlines-page.ts';

const now = new Date();
const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const words = (d: Date) => format(d, 'd MMMM yyyy');
const icpcDay = subDays(now, 20);
const coreGroupDay = addDays(now, 10);
const ICPC = `Initial child protection conference, ${words(icpcDay)}`;

const DANGER = 'We are worried that after the ICPC Ava and Leo will go on missing health care.';
const CONTINGENCY = 'If nothing improves the LA will start the PLO.';

async function typeInto(page: Page, label: string, text: string) {
  await page.getByRole('textbox', { name: label, exact: true }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

// The two journeys each start their own browser: let them run side by side.
test.describe.configure({ mode: 'parallel' });

/** The plan, filled in as a practitioner would, part by part. */
const fill = {
  async framework(panel: Page, plan: PlanPage): Promise<void> {
    await plan.goToSection('Strengthening Families');
    await typeInto(panel, 'Strengths and protective factors', 'Jo takes Ava to school every day.');
    await typeInto(panel, 'What is life like through their eyes', 'Ava says she likes her nursery teacher and wants Mum at the CP meetings.');
    await typeInto(panel, 'Neglect', 'Ava has missed three health appointments.');
    await typeInto(panel, 'What we are worried will happen to the children if nothing changes', DANGER);
    await plan.goToSection('Contingency and contact');
    await typeInto(panel, 'What will happen if things do not get better', CONTINGENCY);
  },
  async outcomes(panel: Page, plan: PlanPage): Promise<void> {
    await plan.goToSection('Core group');
    await new CoreGroupPage(panel).addMember({ name: 'Sam Sample', agency: 'CSC', role: 'Lead social worker', contact: '0151 496 0000' });
    await plan.goToSection('Outcomes and actions');
    const outcomes = new OutcomesPage(panel);
    const outcome = await outcomes.addOutcome("The child's developmental needs", {
      statement: 'Ava goes to every health appointment',
      measure: 'The HV confirms attendance',
      due: iso(addDays(now, 90)),
      sustainability: 'Jo keeps a calendar',
    });
    await outcomes.addAction(outcome, { description: 'Remind Jo before each appointment', owner: 'Sam Sample (CSC)', due: iso(addDays(now, 14)), measure: 'Reminders logged' });
  },
  async meetingsReportsChronology(panel: Page, plan: PlanPage): Promise<void> {
    await plan.goToSection('Meetings');
    const meetings = new MeetingsPage(panel);
    await meetings.addMeeting('Initial child protection conference', 'Held', iso(icpcDay));
    await meetings.addDecision('Child protection plan under the category of neglect');
    await meetings.recordDissent('Jo Testington', 'Mother', 'Does not agree there is neglect.');
    await meetings.back();
    await meetings.addMeeting('Core group meeting', 'Scheduled (still to come)', iso(coreGroupDay));
    await plan.goToSection('Agency reports');
    const reports = new ReportsPage(panel);
    await reports.startForm.getByLabel('Agency or organisation').fill('Health visiting');
    await reports.startForm.getByLabel('Name and role of the author').fill('Hana Visitor, health visitor');
    await reports.startReport(ICPC);
    await panel.getByLabel('Length of involvement with the family by your agency').fill('Since 2019');
    await reports.typeRichText('Parenting capacity', 'Jo is warm with the children but misses appointments.');
    await reports.back();
    await plan.goToSection('Chronology');
    await new ChronologyPage(panel).add({ date: iso(subDays(now, 40)), event: 'Missed two-year health check', agency: 'Health visiting', link: 'https://example.org/record/7' });
  },
};

/** A new plan for Ava and Leo, filled with `parts`, open at its Print and backup section. */
async function planToPrint(panel: Page, context: BrowserContext, parts: (keyof typeof fill)[]): Promise<{ plan: PlanPage; section: PrintAndBackupPage }> {
  const { plan } = await openNewPlan(panel, [{ name: 'Ava', dob: '2019-03-14' }, { name: 'Leo', dob: '2022-08-02' }]);
  for (const part of parts) await fill[part](panel, plan);
  await plan.expectSaved();
  await plan.goToSection('Print and backup');
  return { plan, section: new PrintAndBackupPage(panel, context) };
}

test('the plan prints for the family in plain language and for professionals in full', async ({ ext, panel }) => {
  const { section } = await planToPrint(panel, ext.context, ['framework', 'outcomes', 'meetingsReportsChronology']);

  // The section.
  await expectNoAxeViolations(panel, 'print and backup section');
  await checkAndShoot(panel, 'print-section');
  // For the family: plain language, the children, who does what by when, the next meeting.
  const family = await section.openPrint('Print for the family');
  await expect(family.getByRole('heading', { level: 1 })).toHaveText('The plan to keep Ava and Leo safe and well');
  await expectNoAxeViolations(family, 'family print view');
  await checkAndShoot(family, 'print-family', { paper: true });
  const familyText = await printedText(family);
  const familyPdf = squash(familyText);
  for (const phrase of [
    'Ava', 'Leo', 'What we are worried about', 'What is working well', 'What needs to change', 'Who will do what, and by when',
    'after the first child protection conference Ava and Leo will go on missing health care',
    'the council will start the formal steps before going to court',
    'The health visitor confirms attendance',
    'Remind Jo before each appointment', "Sam Sample (children's social care)", words(addDays(now, 14)),
    `Plan meeting on ${words(coreGroupDay)}`,
    'What the children think and feel', 'Ava says she likes her nursery teacher and wants Mum at the child protection meetings.',
    "Your social worker is Sam Sample (children's social care).", 'You can contact them on: 0151 496 0000',
  ]) expect(familyPdf, phrase).toContain(squash(phrase));
  // The social worker's contact ends the print.
  expect(familyPdf.lastIndexOf(squash('You can contact them on'))).toBeGreaterThan(familyPdf.indexOf(squash('When we meet next')));
  // No jargon, no professional-only detail, and none of the app around the document.
  expect(familyText).not.toMatch(/\b(ICPC|PLO|HV|CSC|LA)\b/);
  for (const absent of ['Does not agree there is neglect', 'Back to the plan', 'Save as PDF', 'About you']) {
    expect(familyPdf, absent).not.toContain(squash(absent));
  }

  // For professionals: categories, sources, decisions and dissent, the agency reports.
  const professional = await section.openPrint('Print for professionals');
  await expectNoAxeViolations(professional, 'professional print view');
  await checkAndShoot(professional, 'print-professional', { paper: true });
  const proPdf = squash(await printedText(professional));
  for (const phrase of [
    'Category of abuse or neglect', 'Strengthening Families framework', DANGER, CONTINGENCY,
    'Child protection plan under the category of neglect', 'Dissent', 'Jo Testington (Mother): Does not agree there is neglect.',
    'Multi-agency chronology', 'Missed two-year health check', 'Health visiting', 'https://example.org/record/7',
    `Health visiting: ${ICPC}`, 'Ava goes to every health appointment', 'Sam Sample (CSC)',
  ]) expect(proPdf, phrase).toContain(squash(phrase));
});

test('the family print says when the first core group must be held, and how to find the social worker', async ({ panel }) => {
  // The conference was held today, as given on the new-plan form; nothing is booked and nobody is in the core group yet.
  const today = iso(now);
  await new PlanListPage(panel).createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }], undefined, { date: today });
  const plan = new OpenPlan(panel);
  await plan.expectOpen('Testington');
  // What's due counts the first core group from the conference (10 working days); the print gives the same date.
  await plan.goToSection('What’s due');
  const dueText = await new DueSectionPage(panel).item('First core group').first().innerText();
  const firstCoreGroup = /Due \w+day (\d{1,2} \w+ \d{4})/.exec(dueText)?.[1];
  expect(firstCoreGroup, dueText).toBeTruthy();
  await plan.goToSection('Print and backup');
  const family = await new PrintAndBackupPage(panel, panel.context()).openPrint('Print for the family');
  await expect(family.getByRole('heading', { level: 1 })).toHaveText('The plan to keep Ava safe and well');
  await expect(family.getByRole('region', { name: 'When we meet next' })).toContainText(`The next plan meeting must be held by ${firstCoreGroup}.`);
  await expect(family.getByRole('heading', { name: 'What Ava thinks and feels' })).toBeVisible();
  await expectNoAxeViolations(family, 'family print, nothing booked, no social worker named');
  await checkAndShoot(family, 'print-family-no-contact', { paper: true });
  const pdf = squash(await printedText(family));
  for (const phrase of [
    `The next plan meeting must be held by ${firstCoreGroup}.`,
    'The name of your social worker is not written in this plan yet.',
    'To find out who they are, phone your council’s children’s social care team',
  ]) expect(pdf, phrase).toContain(squash(phrase));
  expect(pdf).not.toContain(squash('has not been set yet'));
});

test('an agency report prints in its template, and the print follows edits made in the plan', async ({ ext, panel }) => {
  const { plan, section } = await planToPrint(panel, ext.context, ['meetingsReportsChronology']);

  // The agency report, in the template's headings and order.
  const report = await section.openPrint(/^Print the report from Health visiting/);
  await expectNoAxeViolations(report, 'report print view');
  await checkAndShoot(report, 'print-report', { paper: true });
  const reportPdf = squash(await printedText(report));
  const headings = [
    'Initial child protection conference report', 'Agency/Organisation', 'Name/Role', 'Subjects', 'Parents/Carers',
    'Length of involvement with family by your agency', 'Chronology of agency involvement',
    'Summary of information held by your agency', 'Identified risk factors', 'Parenting capacity',
    'do you think this child/ren is at risk of significant harm?', 'what needs to change for the level of risk to be reduced?',
    'How can your agency contribute to a child protection plan', 'Report shared with parent', 'Report shared with child', 'Signed',
  ];
  let at = -1;
  for (const heading of headings) {
    const next = reportPdf.indexOf(squash(heading), at + 1);
    expect(next, `"${heading}" after the heading before it`).toBeGreaterThan(at);
    at = next;
  }
  expect(reportPdf).toContain(squash('Jo is warm with the children but misses appointments.'));
  expect(reportPdf).toContain(squash('Missed two-year health check'));

  // A print view follows edits made in the plan, and shows them again after a reload.
  await plan.goToSection('Agency reports');
  await panel.getByRole('button', { name: `Open the report from Health visiting for the ${ICPC}` }).click();
  await panel.getByLabel('Length of involvement with the family by your agency').fill('Since 2019, monthly visits');
  await expect(report.getByText('Since 2019, monthly visits')).toBeVisible();
  await plan.expectSaved();
  await report.reload();
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('Initial child protection conference report');
  await expect(report.getByText('Since 2019, monthly visits')).toBeVisible();
});
