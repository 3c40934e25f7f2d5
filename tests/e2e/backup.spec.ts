/**
 * Journeys: back the plan up with and without a passphrase (a passphrase too short, or typed
 * differently twice, is explained); a damaged, foreign or newer file, or a wrong passphrase, is
 * refused with a message and the plan list is unchanged; each good backup imports as a new plan
 * with the same content. (Printing: print.spec.ts.)
 */
import { format, subDays } from 'date-fns';
import type { Page, BrowserContext } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { ChronologyPage } from './pages/meetings-page.ts';
import { ImportBackupPage, PrintAndBackupPage, checkAndShoot } from './pages/print-page.ts';

const now = new Date();
const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const DANGER = 'We are worried that after the ICPC Ava and Leo will go on missing health care.';
const PASSPHRASE = 'kettle harbour violet';

// The two journeys each start their own browser: let them run side by side.
test.describe.configure({ mode: 'parallel' });

/** A plan with a danger statement and a chronology entry, open at its Print and backup section. */
async function planToBackUp(panel: Page, context: BrowserContext): Promise<{ list: PlanListPage; plan: PlanPage; section: PrintAndBackupPage }> {
  const list = new PlanListPage(panel);
  await list.createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }]);
  const plan = new PlanPage(panel);
  await plan.expectOpen('Testington');
  await plan.addToDangerStatement(DANGER);
  await plan.goToSection('Chronology');
  await new ChronologyPage(panel).add({ date: iso(subDays(now, 3)), event: 'Home visit, Ava seen alone', agency: 'CSC' });
  await plan.expectSaved();
  await plan.goToSection('Print and backup');
  return { list, plan, section: new PrintAndBackupPage(panel, context) };
}

test('a backup downloads plain or with a passphrase; a bad file or passphrase is refused and changes nothing', async ({ ext, panel }) => {
  const { list, section } = await planToBackUp(panel, ext.context);

  // A passphrase that is too short, then two that differ: explained by the field, nothing saved.
  const form = section.backupForm;
  await form.getByLabel('Passphrase', { exact: true }).fill('short');
  await form.getByRole('button', { name: 'Download backup' }).click();
  await expect(form.locator('.field-error')).toHaveText(/^Use at least 10 characters/);
  await expect(form.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await form.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await form.getByLabel('Type the passphrase again').fill('kettle harbour violent');
  await form.getByRole('button', { name: 'Download backup' }).click();
  await expect(form.locator('.field-error')).toHaveText('The two passphrases are different. Type the same passphrase twice.');
  await expectNoAxeViolations(panel, 'backup form with an error');

  const plain = await section.downloadBackup();
  expect(plain.name).toBe(`testington-plan-backup-${iso(now)}.json`);
  expect(JSON.parse(plain.text)).toMatchObject({ format: 'core-group-plan-backup', encrypted: false, plan: { meta: { familyName: 'Testington' } } });
  const sealed = await section.downloadBackup(PASSPHRASE);
  expect(sealed.text).not.toContain('Testington');
  expect(JSON.parse(sealed.text)).toMatchObject({ encrypted: true, encryption: { kdf: 'PBKDF2', iterations: 600000, cipher: 'AES-GCM' } });
  await expectNoAxeViolations(panel, 'backup saved');

  // Bad files: refused with a message; the plan list stays as it was.
  await list.goto();
  const importer = new ImportBackupPage(panel);
  await expect(list.planLink('Testington')).toHaveCount(1);
  const file = JSON.parse(plain.text);
  const state: string = file.state;
  const corrupted = JSON.stringify({ ...file, state: state.slice(0, 40) + (state[40] === 'A' ? 'B' : 'A') + state.slice(41) });
  await importer.choose('corrupted.json', corrupted);
  await expect(importer.error).toHaveText(/^corrupted\.json: This backup file is damaged or incomplete/);
  await expect(importer.fileInput).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(panel, 'import, damaged file refused');
  await checkAndShoot(panel, 'import-refused');
  await importer.choose('truncated.json', plain.text.slice(0, plain.text.length / 2));
  await expect(importer.error).toHaveText(/^truncated\.json: This backup file is damaged or incomplete/);
  await importer.choose('notes.json', '{"shopping": ["milk"]}');
  await expect(importer.error).toHaveText(/^notes\.json: This file is not a plan backup/);
  await importer.choose('newer.json', JSON.stringify({ ...file, formatVersion: 99 }));
  await expect(importer.error).toHaveText(/^newer\.json: This backup was made by a newer version of the extension/);
  await importer.choose(sealed.name, sealed.text);
  await expect(importer.region.getByLabel('Passphrase for this backup')).toBeFocused();
  await importer.unlock('not the passphrase');
  await expect(importer.error).toHaveText(/^The passphrase is not right/);
  await expectNoAxeViolations(panel, 'import, wrong passphrase');
  await importer.region.getByRole('button', { name: 'Cancel' }).click();
  await expect(list.planLink('Testington')).toHaveCount(1);
});

test('a backup, plain or with a passphrase, imports as a new plan with the same content', async ({ ext, panel }) => {
  const { list, plan, section } = await planToBackUp(panel, ext.context);
  const plain = await section.downloadBackup();
  const sealed = await section.downloadBackup(PASSPHRASE);
  await list.goto();
  const importer = new ImportBackupPage(panel);
  await expect(list.planLink('Testington')).toHaveCount(1);

  // The plain backup, then the encrypted one: two new plans.
  await importer.choose(plain.name, plain.text);
  await expect(importer.imported).toContainText('Imported the plan for the Testington family as a new plan on this device.');
  await expect(list.planLink('Testington')).toHaveCount(2);
  await importer.choose(sealed.name, sealed.text);
  await expect(importer.region.getByText(`${sealed.name} is protected with a passphrase.`)).toBeVisible();
  await importer.unlock(PASSPHRASE);
  await expect(importer.imported).toContainText('Imported the plan for the Testington family');
  await expect(list.planLink('Testington')).toHaveCount(3);
  await expectNoAxeViolations(panel, 'plan list after imports');

  // The imported plan has the same content, and keeps it across a reload.
  await importer.imported.getByRole('link', { name: 'Open the imported plan' }).click();
  await plan.expectOpen('Testington');
  const importedId = plan.planId();
  await plan.goToSection('Strengthening Families');
  await expect(plan.dangerStatement()).toHaveText(DANGER);
  await plan.goToSection('Chronology');
  await expect(panel.getByText('Home visit, Ava seen alone')).toBeVisible();
  await panel.reload();
  await plan.expectOpen('Testington');
  expect(plan.planId()).toBe(importedId);
  await expect(panel.getByText('Home visit, Ava seen alone')).toBeVisible();
  await list.goto();
  await expect(list.planLink('Testington')).toHaveCount(3);
});
