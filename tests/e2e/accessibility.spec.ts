/**
 * Every view, in every state a member meets it in (empty, populated, with validation errors, chair
 * mode), at the side panel's narrowest width (320 px, WCAG's reflow width): axe-core's WCAG 2.2
 * A/AA rules with no violations, nothing scrolling sideways, and no pointer target under 24×24 px
 * without an exception (support/a11y.ts). The other journeys run axe on many of these views at
 * 400 px; this spec covers them all in one place, at the narrow width, with target sizes.
 * (The fixture fails a test whose pages threw: a view that threw is not accessible either.)
 */
import { randomBytes } from 'node:crypto';
import { test, expect } from './fixtures.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { declareIdentity } from './pages/settings-page.ts';
import { CoreGroupPage, OutcomesPage } from './pages/outcomes-page.ts';
import { ChairPage } from './pages/chair-page.ts';
import { MeetingsPage } from './pages/meetings-page.ts';
import { ImportBackupPage, PrintAndBackupPage } from './pages/print-page.ts';
import { CapturePage, startCaseSystem } from './pages/history-page.ts';
import { SECTION_STATES } from './pages/section-states.ts';
import { PLAN_SECTIONS } from '../../components/sections/registry.ts';
import { NARROWEST, expectAccessibleView } from './support/a11y.ts';
import { dateInput, fillDate } from './pages/date-input.ts';

test.describe.configure({ mode: 'parallel' });
// A control that never appears fails its step, not the whole test at its time limit.
test.use({ actionTimeout: 15_000 });

const SAM_JONES = { name: 'Sam Jones', agency: "Children's Social Care", role: 'Lead social worker' };

test('the shell: plan list, new plan and join forms, empty and refused', async ({ panel }) => {
  await panel.setViewportSize(NARROWEST);
  await expect(panel.getByText('No plans yet.')).toBeVisible();
  await expectAccessibleView(panel, 'plan list, empty');

  await panel.getByRole('button', { name: 'New plan' }).click();
  await expectAccessibleView(panel, 'new plan form, empty');
  await panel.getByRole('button', { name: 'Add another child' }).click();
  await panel.getByRole('button', { name: 'Create plan' }).click();
  await expect(panel.getByRole('alert')).toBeVisible();
  await expectAccessibleView(panel, 'new plan form, two children, with errors');
  await panel.getByRole('button', { name: 'Cancel' }).click();

  await panel.getByRole('button', { name: 'Join a plan' }).click();
  await expectAccessibleView(panel, 'join form, empty');
  await panel.getByLabel('Invite link').fill('not an invite');
  await panel.getByRole('button', { name: 'Join plan' }).click();
  await expect(panel.getByRole('alert')).toContainText('That is not a plan invite.');
  await expectAccessibleView(panel, 'join form, with an error');
});

test('the shell: settings, every form refused, then saved', async ({ panel }) => {
  await panel.setViewportSize(NARROWEST);
  // Settings: About you, connections, timescale profiles, pretend date; then every form refused.
  await panel.getByRole('link', { name: 'About you' }).click();
  await expectAccessibleView(panel, 'settings, empty');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByLabel('Your name')).toHaveAttribute('aria-invalid', 'true');
  // The same bad line twice is two problems, each shown.
  await panel.getByLabel('Signaling servers (one per line)').fill('http://wrong.example\nhttp://wrong.example');
  await panel.getByLabel(/^STUN and TURN servers/).fill('turn:turn.example.org\nhttp://not-stun.example');
  await panel.getByRole('button', { name: 'Save connection settings' }).click();
  await expect(panel.locator('#network-signaling-error p')).toHaveCount(2);
  await expect(panel.locator('#network-ice-error p')).toHaveCount(2);
  await panel.getByRole('button', { name: 'Make a copy' }).click();
  await expect(panel.getByLabel('Name of your copy')).toHaveAttribute('aria-invalid', 'true');
  await panel.getByRole('button', { name: 'Pretend it is this date' }).click();
  await expect(panel.getByText('Enter the date to pretend it is, with day, month and year.')).toBeVisible();
  await expectAccessibleView(panel, 'settings, with errors');
  await panel.getByLabel('Name of your copy').fill('Our partnership (2026)');
  await panel.getByRole('button', { name: 'Make a copy' }).click();
  await expect(panel.getByRole('heading', { level: 3, name: 'Change the figures of Our partnership (2026)' })).toBeFocused();
  await panel.getByRole('group', { name: 'First core group, after the initial conference', exact: true }).getByLabel('Figure').fill('ten');
  await panel.getByRole('button', { name: 'Save profile' }).click();
  await expect(panel.getByRole('alert').filter({ hasText: 'There is a problem' }).filter({ hasText: 'First core group' })).toBeVisible();
  await expectAccessibleView(panel, 'settings, profile editor refused');
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('button', { name: 'Change the figures of Our partnership (2026)' })).toBeVisible();
  await declareIdentity(panel, SAM_JONES);
  await expectAccessibleView(panel, 'settings, saved');
});

test('the shell: capture before and after a plan exists, a request to join waiting, import, rename and delete', async ({ ext, panel }) => {
  test.setTimeout(120_000);
  await panel.setViewportSize(NARROWEST);
  await declareIdentity(panel, SAM_JONES);

  // "Add to plan…" from a case system, before there is a plan to add to.
  const caseSystem = await startCaseSystem('Case note (fictional)', ['Ava told her teacher she had no breakfast.']);
  const casePage = await ext.context.newPage();
  await casePage.goto(caseSystem.url);
  const worker = ext.context.serviceWorkers()[0]!;
  await CapturePage.clickAddToPlan(worker, casePage, await CapturePage.selectParagraph(casePage, 0));
  await casePage.close();
  // Not awaited: the server closes once the browser drops its keep-alive connection, which it
  // only does when it closes (startCaseSystem's close does not end open connections).
  void caseSystem.close();
  const capture = new CapturePage(panel);
  await capture.expectCapture('Ava told her teacher she had no breakfast.');
  await expect(capture.view.getByText('There are no plans on this device yet.')).toBeVisible();
  await expectAccessibleView(panel, 'add to plan, no plans yet');

  const list = new PlanListPage(panel);
  await list.goto();
  await list.createPlan('Axeworth', [{ name: 'Ruby', dob: '2017-09-09' }, { name: 'Leo', edd: '2027-03-03' }]);
  await new PlanPage(panel).expectOpen('Axeworth');
  await capture.add();
  await expect(capture.view.locator('.field-error')).toHaveText('Choose where in the plan to add it.');
  await expectAccessibleView(panel, 'add to plan, no destination');
  await capture.view.getByRole('button', { name: /^Discard/ }).click();
  await expect(capture.view).toHaveCount(0);

  // A real invitation, with no server set: asking to join says what is missing.
  const token = randomBytes(32).toString('base64url');
  await list.goto();
  await panel.getByRole('button', { name: 'Join a plan' }).click();
  await panel.getByLabel('Invite link').fill(`#/join/${token}`);
  await panel.getByRole('button', { name: 'Join plan' }).click();
  await expect(panel.getByRole('alert').filter({ hasText: 'Before you can ask to join' })).toBeFocused();
  await expectAccessibleView(panel, 'join, no server set');
  // With a relay set (nobody answers there), the request waits with its safety code.
  await new SyncPage(panel).useRelay('ws://127.0.0.1:9/relay', true);
  await list.goto();
  await panel.getByRole('button', { name: 'Join a plan' }).click();
  await panel.getByLabel('Invite link').fill(`#/join/${token}`);
  await panel.getByRole('button', { name: 'Join plan' }).click();
  await expect(panel.getByRole('heading', { level: 1, name: 'Asking to join' })).toBeFocused();
  await expect(panel.getByRole('status').filter({ hasText: /^Asking to join… Your safety code is \d{3} \d{3}\./ })).toBeVisible();
  await expectAccessibleView(panel, 'asking to join, waiting for an answer');
  await panel.screenshot({ path: '.tmp/screens/asking-to-join-320.png', fullPage: true });

  await list.goto();
  // The request waits in the list, and leads back to its page.
  await expect(panel.getByRole('region', { name: 'Asking to join' }).getByRole('link')).toHaveCount(1);
  await expectAccessibleView(panel, 'plan list, populated');
  const importer = new ImportBackupPage(panel);
  await importer.choose('notes.json', '{"shopping": ["milk"]}');
  await expect(importer.error).toHaveText(/^notes\.json: This file is not a plan backup/);
  await expectAccessibleView(panel, 'plan list, import refused');
  // Where focus goes when a form or dialog replaces what was focused, and when it goes away.
  const rename = panel.getByRole('button', { name: 'Rename the Axeworth family plan' });
  await rename.click();
  await expect(panel.getByLabel('New family name')).toBeFocused();
  await panel.getByLabel('New family name').fill('');
  await panel.getByRole('button', { name: 'Save name' }).click();
  await expect(panel.getByText('Enter the family name.')).toBeVisible();
  await expectAccessibleView(panel, 'plan list, rename refused');
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(rename).toBeFocused();
  const remove = panel.getByRole('button', { name: 'Delete the Axeworth family plan' });
  await remove.click();
  const dialog = panel.getByRole('dialog', { name: 'Delete the Axeworth family plan?' });
  await expect(dialog).toBeVisible();
  await expectAccessibleView(panel, 'delete dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(remove).toBeFocused();
  await remove.click();
  await dialog.getByRole('button', { name: 'Delete plan' }).click();
  await expect(list.planLink('Axeworth')).toHaveCount(0);
  await expect(panel.getByRole('heading', { level: 1, name: 'Plans on this device' })).toBeFocused();
});

test('every plan section has its states listed', () => {
  expect(Object.keys(SECTION_STATES).sort(), 'pages/section-states.ts names every section').toEqual(PLAN_SECTIONS.map((s) => s.id).sort());
});

// The sections in six groups, each in its own browser, so that the two workers share them and each
// journey stays well inside the 60 s timeout on a busy machine.
const GROUPS = 6;
const perGroup = Math.ceil(PLAN_SECTIONS.length / GROUPS);
for (let g = 0; g < GROUPS; g++) {
  const sections = PLAN_SECTIONS.slice(g * perGroup, (g + 1) * perGroup);
  test(`plan sections ${sections.map((s) => s.title).join(', ')}: empty, refused and populated`, async ({ panel }) => {
    await panel.setViewportSize(NARROWEST);
    await new PlanListPage(panel).createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }]);
    const plan = new PlanPage(panel);
    await plan.expectOpen('Testington');
    for (const section of sections) {
      await plan.goToSection(section.title);
      await expectAccessibleView(panel, `${section.title}, empty`);
      for (const { state, reach } of SECTION_STATES[section.id] ?? []) {
        await reach(panel);
        await expectAccessibleView(panel, `${section.title}, ${state}`);
      }
    }
    await plan.expectSaved();
  });
}

test('a plan with a conference held: what’s due, the print views, the plan in a tab', async ({ ext, panel }) => {
  await panel.setViewportSize(NARROWEST);
  await new PlanListPage(panel).createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }]);
  const plan = new PlanPage(panel);
  await plan.expectOpen('Testington');
  // A conference held sets the clock running for the first core group, the review and the minutes.
  await plan.goToSection('Meetings');
  await new MeetingsPage(panel).addMeeting('Initial child protection conference', 'Held', '2025-01-10');
  await plan.goToSection('What’s due');
  await expect(panel.getByText(/overdue/i).first()).toBeVisible();
  await expectAccessibleView(panel, 'What’s due, populated');

  await plan.goToSection('Print and backup');
  const family = await new PrintAndBackupPage(panel, ext.context).openPrint('Print for the family');
  await family.setViewportSize(NARROWEST);
  await expectAccessibleView(family, 'family print view');
  await family.close();
  const professional = await new PrintAndBackupPage(panel, ext.context).openPrint('Print for professionals');
  await professional.setViewportSize(NARROWEST);
  await expectAccessibleView(professional, 'professional print view');
  await professional.close();

  // "Open in a tab": the same app full width.
  const tab = await ext.openPage(`plan.html#/plan/${plan.planId()}/meetings`);
  await tab.setViewportSize({ width: 1280, height: 900 });
  await new PlanPage(tab).expectOpen('Testington');
  await expect(tab.getByRole('heading', { level: 2, name: 'Meetings' })).toBeVisible();
  await expectAccessibleView(tab, 'meetings, in a tab');
  await tab.close();
});

test('chair mode: start, running, a round, refused close, closed; the banner and Share with no server', async ({ panel }) => {
  // Nine axe runs: a minute on a loaded machine (60 s at load 10 on 2 cores).
  test.setTimeout(120_000);
  await panel.setViewportSize(NARROWEST);
  await declareIdentity(panel, { name: 'Sam Jones', agency: "Children's Social Care", role: 'Team manager' });
  const list = new PlanListPage(panel);
  await list.goto();
  await list.createPlan('Chairton', [{ name: 'Ava', dob: '2019-03-14' }]);
  const plan = new PlanPage(panel);
  await plan.expectOpen('Chairton');

  await plan.goToSection('Live meeting');
  await expectAccessibleView(panel, 'live meeting, no chair set');
  await plan.goToSection('Core group');
  const group = new CoreGroupPage(panel);
  await group.addMe();
  await group.addMember({ name: 'Priya Shah', agency: 'Health', role: 'Health visitor' });
  await group.choose('Chair', "Sam Jones (Children's Social Care)");

  const chair = new ChairPage(panel);
  await plan.goToSection('Live meeting');
  await expectAccessibleView(panel, 'live meeting, ready to start');
  await chair.startCoreGroup();
  await expectAccessibleView(panel, 'chair mode, running');
  await chair.nextItem();
  await panel.getByRole('button', { name: 'Mark everyone here now as present' }).click();
  await expect(panel.getByText(/Marked present: .*Sam Jones/)).toBeVisible();
  await panel.getByRole('button', { name: 'Start a round' }).click();
  await panel.getByLabel(/^Sam Jones.*\(your view\)/).fill('6: things are better at bedtime.');
  await panel.getByRole('combobox', { name: 'Decision', exact: true }).fill('The child protection plan continues');
  await panel.getByRole('button', { name: 'Record decision' }).click();
  await panel.getByLabel('Who disagrees').fill('Priya Shah');
  await panel.getByRole('button', { name: 'Record dissent' }).click();
  await expect(panel.getByText('Enter their reasons. Dissent is always recorded with its reasons.')).toBeVisible();
  await expectAccessibleView(panel, 'chair mode, a round, dissent refused');

  // Everyone else sees the running meeting as a banner above whichever section they are in.
  await plan.goToSection('Outcomes and actions');
  await expect(chair.banner).toBeVisible();
  const outcome = await new OutcomesPage(panel).addOutcome("The child's developmental needs", {
    statement: 'Ava goes to nursery every day she is due',
    measure: 'Nursery register',
    due: '2027-02-01',
    sustainability: 'Attendance stays above 90% for three months',
  });
  await outcome.getByRole('button', { name: /^Add an action/ }).click();
  await outcome.getByLabel('What will be done').last().fill('Support mum');
  await expectAccessibleView(panel, 'outcomes, with the live-meeting banner');

  await plan.goToSection('Live meeting');
  await panel.getByRole('button', { name: 'Close the meeting' }).click();
  await expect(panel.getByRole('alert').filter({ hasText: 'The meeting cannot close yet' })).toContainText('Support mum');
  await expectAccessibleView(panel, 'chair mode, close refused');

  await plan.goToSection('Outcomes and actions');
  if ((await outcome.getAttribute('open')) === null) await outcome.locator('summary').click();
  const action = outcome.locator('fieldset.action').last();
  await action.getByLabel('What will be done').fill('Mum walks Ava to nursery each morning she is due');
  await action.getByLabel('Who will do it').selectOption({ label: 'Priya Shah (Health)' });
  await fillDate(dateInput(action, 'By when'), '2027-01-15');
  await action.getByLabel('How it will be measured').fill('Nursery register each Friday');
  await plan.goToSection('Live meeting');
  await panel.getByRole('button', { name: 'Close the meeting' }).click();
  await expect(chair.closeDialog).toBeVisible();
  await expectAccessibleView(panel, 'chair mode, confirm closing');
  await chair.closeDialog.getByRole('button', { name: 'Close the meeting' }).click();
  await expect(panel.getByRole('heading', { name: 'Meeting closed' })).toBeVisible();
  await expectAccessibleView(panel, 'chair mode, closed');

  // No server is set on this machine: Share says so, with the way to the setting (the dialog
  // itself is checked with axe in every sharing journey, pages/sync-page.ts).
  await panel.getByRole('button', { name: 'Share', exact: true }).click();
  const needs = panel.getByRole('alert').filter({ hasText: 'Before you can share this plan' });
  await expect(needs).toBeFocused();
  await expect(needs.getByRole('link', { name: 'Add a signaling server or relay' })).toBeVisible();
  await expectAccessibleView(panel, 'share, a server missing');
});
