/**
 * Journey: a plan carries the timescales it counts with. Sam's partnership holds the first core
 * group within 8 working days (national: 10), so Sam copies the national profile and changes that
 * figure, creates a plan with it and shares it. Jo, on another machine that has never had that
 * profile, joins and sees the same due date, counted the same way, and so does Jo's toolbar badge.
 * When Sam changes the profile again on their device the plan does not move until Sam chooses
 * "Use my updated profile for this plan"; then Jo's dates follow. A plan made before plans carried
 * their timescales (a backup naming Sam's profile by id alone) offers "Share this plan's
 * timescales with the core group".
 */
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures.ts';
import { openMember, twoMachinesEachTest } from './support/member.ts';
import { legacyPlanBackup } from './support/legacy-plan.ts';
import { DueSectionPage, SettingsDeadlinesPage, badgeText } from './pages/deadlines-page.ts';
import { MeetingsPage, expectNoSidewaysScroll, screenshot } from './pages/meetings-page.ts';
import { PlanTimescalesPage } from './pages/plan-timescales-page.ts';
import { ImportBackupPage } from './pages/print-page.ts';

const NATIONAL = 'National: Working Together to Safeguard Children 2023';
const OURS = 'Our partnership (2026)';
const FIRST_CORE_GROUP = 'First core group, after the initial conference';

const machines = twoMachinesEachTest();

/** Saves new figures for the first core group in Sam's own profile, from Settings. */
async function setFirstCoreGroup(settings: SettingsDeadlinesPage, figure: string): Promise<void> {
  await settings.open();
  await settings.page.getByRole('button', { name: `Change the figures of ${OURS}` }).click();
  await settings.rule(FIRST_CORE_GROUP).getByLabel('Figure').fill(figure);
  await settings.page.getByLabel('Short name, used when a deadline cites its source').fill('Our partnership');
  await settings.page.getByRole('button', { name: 'Save profile' }).click();
  await expect(settings.page.getByRole('status').filter({ hasText: `Saved ${OURS}.` })).toBeAttached();
}

test('a plan carries its own timescales, so a colleague on another device counts the same due dates', async () => {
  test.setTimeout(180_000);
  const a = await openMember(machines.alice, { name: 'Sam Sample', agency: 'Children’s Social Care' }, machines.server.url);
  const b = await openMember(machines.bob, { name: 'Jo Example', agency: 'Health' }, machines.server.url);
  const samSettings = new SettingsDeadlinesPage(a.page);
  const joSettings = new SettingsDeadlinesPage(b.page);
  const samDue = new DueSectionPage(a.page);
  const joDue = new DueSectionPage(b.page);
  const samRules = new PlanTimescalesPage(a.page);
  const joRules = new PlanTimescalesPage(b.page);

  // A training date on both machines, so the same dates read the same way.
  for (const settings of [samSettings, joSettings]) {
    await settings.open();
    await settings.pretendTodayIs('2026-03-02');
    await expect(settings.banner).toContainText('Monday 2 March 2026');
  }

  // Sam's own profile: the national one with the first core group within 8 working days.
  await samSettings.copyProfile(NATIONAL, OURS);
  await expect(a.page.getByRole('heading', { level: 3, name: `Change the figures of ${OURS}` })).toBeFocused();
  await a.page.getByRole('button', { name: 'Cancel' }).click();
  await setFirstCoreGroup(samSettings, '8');

  // Sam creates the plan with it and records the initial conference.
  await a.list.goto();
  await a.list.createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }], `${OURS} (your copy)`);
  await a.plan.expectOpen('Testington');
  await a.plan.goToSection('Meetings');
  await new MeetingsPage(a.page).addMeeting('Initial child protection conference', 'Held', '2026-03-02');
  await expect(a.page.getByRole('heading', { level: 3, name: 'Initial child protection conference, 2 March 2026' })).toBeFocused();
  await a.plan.goToSection('What’s due');
  const samCoreGroup = samDue.item('First core group');
  await expect(samCoreGroup).toContainText('Due Thursday 12 March 2026');
  await expect(samCoreGroup).toContainText('First core group within 8 working days of the initial conference (Our partnership,');
  await expect(samRules.group).toContainText('This plan carries its timescales, so everyone in the core group counts the same dates.');
  const profileId = await samRules.profile.inputValue();
  expect(profileId).toMatch(/^national-own-[0-9a-f]{8}$/);

  // Sam shares the plan; Jo, who has no copy of the profile, joins and counts the same date.
  const link = await a.sync.share();
  await b.sync.join(link, a.sync);
  await b.plan.expectOpen('Testington');
  await b.sync.expectOnlineWith(1);
  await b.plan.goToSection('What’s due');
  const joCoreGroup = joDue.item('First core group');
  await expect(joCoreGroup).toContainText('Due Thursday 12 March 2026');
  await expect(joCoreGroup).toContainText('First core group within 8 working days of the initial conference (Our partnership,');
  await expect(joDue.section).toContainText(`under ${OURS}`);
  await expect(joRules.profile).toHaveValue(profileId);
  await expect(joRules.profile.locator('option:checked')).toHaveText(`${OURS} (in this plan)`);
  await expect(joRules.notice).toHaveCount(0); // nothing is missing: no "counted with national" notice
  await expectNoAxeViolations(b.page, 'what’s due, a colleague’s plan with its own timescales');
  await expectNoSidewaysScroll(b.page, 'what’s due, colleague');
  await screenshot(b.page, 'shared-profile-colleague');

  // Sam changes the profile on their device: the plan keeps the version the core group shares.
  await setFirstCoreGroup(samSettings, '7');
  await a.list.goto();
  await a.list.planLink('Testington').click();
  await a.plan.expectOpen('Testington');
  await a.plan.goToSection('What’s due');
  await expect(samCoreGroup).toContainText('Due Thursday 12 March 2026');
  await expect(samRules.notice).toContainText(`You have changed ${OURS} on this device since this plan started using it.`);
  await expectNoAxeViolations(a.page, 'what’s due, own profile changed since');
  await expectNoSidewaysScroll(a.page, 'what’s due, update offered');
  await samRules.notice.scrollIntoViewIfNeeded();
  await screenshot(a.page, 'shared-profile-update-notice');

  // Sam chooses to use the update: both members now count 7 working days.
  await samRules.updateButton.click();
  await expect(samRules.group.getByText(`This plan now counts with your updated ${OURS}, for everyone in the core group.`)).toBeFocused();
  await expect(samCoreGroup).toContainText('Due Wednesday 11 March 2026');
  await expect(samRules.updateButton).toHaveCount(0);
  await expect(joCoreGroup).toContainText('Due Wednesday 11 March 2026', { timeout: 20_000 });
  await expectNoAxeViolations(a.page, 'what’s due, update used');

  // Jo's toolbar badge counts from the plan's copy too (national would not be due until 16 March).
  await joSettings.open();
  await joSettings.pretendTodayIs('2026-03-12');
  await expect.poll(() => badgeText(machines.bob), { timeout: 15_000 }).toBe('1');

  // A plan from before plans carried their timescales: it names Sam's profile by id alone.
  await a.list.goto();
  const importer = new ImportBackupPage(a.page);
  await importer.choose('exampleton.json', await legacyPlanBackup({ familyName: 'Exampleton', child: 'Leo', profileId, icpc: '2026-03-02' }));
  await expect(importer.imported).toContainText('Imported the plan for the Exampleton family');
  await importer.imported.getByRole('link', { name: 'Open the imported plan' }).click();
  await a.plan.expectOpen('Exampleton');
  await a.plan.goToSection('What’s due');
  await expect(samDue.item('First core group')).toContainText('Due Wednesday 11 March 2026'); // Sam's own figures, on Sam's device
  await expect(samRules.notice).toContainText(`Only you count with ${OURS}`);
  await expectNoAxeViolations(a.page, 'what’s due, timescales not shared yet');
  await samRules.notice.scrollIntoViewIfNeeded();
  await screenshot(a.page, 'shared-profile-share-notice');
  await samRules.shareButton.click();
  await expect(samRules.group.getByText(`Shared: everyone in the core group now counts this plan’s dates with ${OURS}.`)).toBeFocused();
  await expect(samRules.shareButton).toHaveCount(0);
  await a.plan.expectSaved();
  await expectNoAxeViolations(a.page, 'what’s due, timescales shared');
});
