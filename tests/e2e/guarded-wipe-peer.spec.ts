/**
 * Journey (issue 16): two members on two machines (two Chromium profiles) share a plan through the
 * real signaling server. While Alice's panel is closed, Bob — an honest member making a big mistake
 * — clears the plan's framework text in his copy with the ordinary editor. When Alice opens the
 * plan again, his copy's catch-up arrives over WebRTC and the update guard quarantines it: Alice
 * sees the notice, her copy is whole, and she decides. Keeping: Bob's later ordinary edits still
 * reach her, his removal never does (not even after a reconnect), and a backup restores her copy.
 * Accepting: the removal applies.
 *
 * Why the text and not the records: removing a record in the app (every "Remove" button) marks it
 * removed (a tombstone, restorable), which is not a deletion in the document and so never counts
 * towards the guard's share (lib/sync/guard/deletion.ts); clearing rich text is a real deletion,
 * the kind garbage collection makes unrecoverable, and the kind the guard exists to hold back.
 */
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures.ts';
import { openMember, twoMachinesEachTest } from './support/member.ts';
import { CoreGroupPage, OutcomesPage } from './pages/outcomes-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { ImportBackupPage, PrintAndBackupPage } from './pages/print-page.ts';

const DEV = "The child's developmental needs";
const OWNER = 'Sam Sample (Children’s Social Care)';
/** The framework text Alice writes and Bob clears: all of the plan's text, well over the guard's minimum. */
const TEXT = {
  'Strengths and protective factors': 'Gran collects Ava from school on Tuesdays and Thursdays and Ava is settled with her.',
  'Grey areas': 'We do not yet know who else stays at the flat at weekends or how often Dad visits.',
  'What we are worried will happen to the children if nothing changes': 'We are worried that Ava will go on missing health care and school if nothing changes.',
} as const;
const FIELDS = Object.keys(TEXT) as (keyof typeof TEXT)[];
const NOTICE = 'A colleague’s copy removed most of the plan';

const machines = twoMachinesEachTest();

/** A rich-text field's editable area by its exact label. */
const field = (plan: PlanPage, label: string) => plan.page.getByRole('textbox', { name: label, exact: true });

/**
 * Alice writes a small plan and shares it; Bob joins and has it all; Alice closes her panel; Bob
 * clears every framework text field; Alice opens the plan again. Returns Alice's reopened panel
 * (its notice showing) and Bob's.
 */
async function wipeWhileAliceIsAway() {
  const a = await openMember(machines.alice, { name: 'Sam Sample', agency: 'Children’s Social Care' }, machines.server.url);
  const b = await openMember(machines.bob, { name: 'Jo Example', agency: 'Health' }, machines.server.url);
  await a.list.goto();
  await a.list.createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }]);
  await a.plan.expectOpen('Testington');
  const planId = a.plan.planId();

  await a.plan.goToSection('Core group');
  await new CoreGroupPage(a.page).addMe();
  await a.plan.goToSection('Outcomes and actions');
  const outcomes = new OutcomesPage(a.page);
  const school = await outcomes.addOutcome(DEV, {
    statement: 'Ava is at school on time every day',
    measure: 'School attendance above 95% each half term',
    due: '2027-07-16',
    sustainability: 'Mum has a morning routine she keeps without reminders',
  });
  await outcomes.addAction(school, { description: 'Mum walks Ava to school', owner: OWNER, due: '2027-04-30', measure: 'Register shows Ava in by 8.50' });
  await a.plan.goToSection('Strengthening Families');
  for (const label of FIELDS) {
    await field(a.plan, label).click();
    await a.page.keyboard.type(TEXT[label]);
  }
  await a.plan.expectSaved();

  const link = await a.sync.share();
  await b.sync.join(link, a.sync);
  await b.plan.expectOpen('Testington');
  await b.plan.goToSection('Strengthening Families');
  for (const label of FIELDS) await expect(field(b.plan, label)).toHaveText(TEXT[label]);

  // Alice closes her panel. Bob, alone, clears every framework text field: his big mistake.
  await a.page.close();
  await expect(b.sync.peerStatus).toHaveText('· Online, no colleagues connected', { timeout: 30_000 });
  for (const label of FIELDS) {
    await field(b.plan, label).click();
    await b.page.keyboard.press('Control+a');
    await b.page.keyboard.press('Backspace');
    await expect(field(b.plan, label)).toHaveText('');
  }
  await b.plan.expectSaved();

  // Alice opens the plan again: Bob's copy catches hers up over WebRTC, and the guard holds it back.
  const page = await machines.alice.openPage(`sidepanel.html#/plan/${planId}`);
  const plan = new PlanPage(page);
  await plan.expectOpen('Testington');
  const notice = page.getByRole('region', { name: NOTICE });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  const removed = Object.values(TEXT).join('').length;
  await expect(notice).toContainText(`Their change would remove ${removed} characters of text.`);
  await expect(notice).toContainText('your copy is unchanged');
  await expect(page.getByRole('region', { name: NOTICE })).toHaveCount(1);
  await plan.goToSection('Strengthening Families');
  for (const label of FIELDS) await expect(field(plan, label)).toHaveText(TEXT[label]);
  return { a: { page, plan, outcomes: new OutcomesPage(page), notice }, b: { ...b, outcomes: new OutcomesPage(b.page) } };
}

/** The outcome Alice wrote, opened (outcomes start closed in a copy that did not just add them). */
async function schoolOutcome(plan: PlanPage, outcomes: OutcomesPage) {
  await plan.goToSection('Outcomes and actions');
  const outcome = outcomes.outcome('Ava is at school on time every day');
  if (!(await outcome.evaluate((el) => (el as HTMLDetailsElement).open))) await outcome.locator('summary').click();
  await expect(outcome).toHaveAttribute('open', '');
  return outcome;
}

/** Bob adds an action to the outcome, and it reaches Alice's copy. */
async function bobAddsAnAction(a: { plan: PlanPage; outcomes: OutcomesPage }, b: { plan: PlanPage; outcomes: OutcomesPage }, description: string) {
  await b.outcomes.addAction(await schoolOutcome(b.plan, b.outcomes), { description, owner: OWNER, due: '2027-05-14', measure: 'School office log' });
  const alices = await schoolOutcome(a.plan, a.outcomes);
  await expect.poll(() => a.outcomes.actionDescriptions(alices), { timeout: 20_000 }).toEqual(['Mum walks Ava to school', description]);
}

test('a colleague’s copy that clears the plan is quarantined; keeping our copy holds, later edits still arrive, and a backup restores it', async () => {
  test.setTimeout(150_000);
  const { a, b } = await wipeWhileAliceIsAway();
  await expectNoAxeViolations(a.page, 'quarantine notice after a colleague cleared the plan');

  await a.notice.getByRole('button', { name: 'Keep our copy' }).click();
  await expect(a.page.getByRole('region', { name: NOTICE })).toHaveCount(0);
  await expect(a.page.getByRole('status').filter({ hasText: 'Your copy was kept.' })).toBeVisible();
  for (const label of FIELDS) await expect(field(a.plan, label)).toHaveText(TEXT[label]);

  // Bob's ordinary edits still reach Alice.
  await bobAddsAnAction(a, b, 'School rings Mum by 9.30 if Ava is not in');

  // Reconnecting, Bob's copy sends its removal again in the catch-up (and in every anti-entropy
  // round after, lib/sync/peer-sync.ts): it is left out, and no new notice appears.
  await a.page.reload();
  await a.plan.expectOpen('Testington');
  const aliceSync = a.page.locator('.peer-status');
  await expect(aliceSync).toHaveText('· Online with 1 colleague', { timeout: 30_000 });
  // A negative cannot be waited for: give it two anti-entropy rounds (each 3 s) after connecting.
  await a.page.waitForTimeout(6_500);
  await expect(a.page.getByRole('region', { name: /A colleague’s copy removed/ })).toHaveCount(0);
  await a.plan.goToSection('Strengthening Families');
  for (const label of FIELDS) await expect(field(a.plan, label)).toHaveText(TEXT[label]);

  // A backup taken now validates and imports as a new plan with Alice's text and Bob's action.
  await a.plan.goToSection('Print and backup');
  const backup = await new PrintAndBackupPage(a.page, machines.alice.context).downloadBackup();
  const list = new PlanListPage(a.page);
  await list.goto();
  const importer = new ImportBackupPage(a.page);
  await importer.choose(backup.name, backup.text);
  await expect(importer.imported).toContainText('Imported the plan for the Testington family as a new plan on this device.');
  await importer.imported.getByRole('link', { name: 'Open the imported plan' }).click();
  await a.plan.expectOpen('Testington');
  await a.plan.goToSection('Strengthening Families');
  for (const label of FIELDS) await expect(field(a.plan, label)).toHaveText(TEXT[label]);
  expect(await a.outcomes.actionDescriptions(await schoolOutcome(a.plan, a.outcomes))).toEqual([
    'Mum walks Ava to school',
    'School rings Mum by 9.30 if Ava is not in',
  ]);
});

test('a colleague’s copy that clears the plan is quarantined; accepting applies the removal', async () => {
  test.setTimeout(150_000);
  const { a, b } = await wipeWhileAliceIsAway();

  await a.notice.getByRole('button', { name: 'Accept' }).click();
  await expect(a.page.getByRole('region', { name: NOTICE })).toHaveCount(0);
  await expect(a.page.getByRole('status').filter({ hasText: 'The colleague’s change was applied.' })).toBeVisible();
  for (const label of FIELDS) await expect(field(a.plan, label)).toHaveText('');
  await a.plan.expectSaved();

  // The copies agree again, and edits flow as before.
  await bobAddsAnAction(a, b, 'School rings Mum by 9.30 if Ava is not in');
  await a.plan.goToSection('Strengthening Families');
  for (const label of FIELDS) await expect(field(a.plan, label)).toHaveText('');
});
