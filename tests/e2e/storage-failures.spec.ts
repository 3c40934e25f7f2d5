/**
 * Journeys: saving on this device fails while a plan is open. The member gets a plain message
 * (never a stack trace), nothing on screen is lost, and "Try again" stores the whole document
 * once storage works again.
 *
 * Storage full. The extension holds "unlimitedStorage", and Chromium exempts such origins from
 * quota before it looks at a DevTools override (QuotaManagerImpl::GetUsageAndQuota answers
 * kNoLimit for unlimited storage keys; IndexedDB asks it through GetBucketSpaceRemaining), so
 * `Storage.overrideQuotaForOrigin` changes what navigator.storage.estimate() reports but never
 * makes a write fail. (Without unlimitedStorage it does, once IndexedDB's 30-second cache of free
 * space runs out.) What does fill up for this extension is the disk itself, so that is what we
 * do: the profile lives on a small tmpfs and a filler file takes the last byte. Chromium then
 * aborts the write with "IO error: … FILE_ERROR_NO_SPACE" and closes the connection. Mounting
 * needs root (CAP_SYS_ADMIN): without it the test is skipped, saying so.
 */
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtemp, open, rm, statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchExtension, type ExtensionBrowser } from './support/browser.ts';
import { killBrowser, findBrowserProcesses } from './support/kill-browser.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { recordSaveStatus, saveStatusLog } from './pages/save-snapshot.ts';

const RICH = 'What will happen if things do not get better';
const PLAIN = 'How often the lead social worker visits and sees the child';
/** About 12 KB of distinct words: three pages' worth, whatever the database does with it. */
const VISIT_NOTES = Array.from({ length: 300 }, (_, i) => ` Visit ${i + 1}: Ava seen alone, bedroom checked.`).join('');

/** A tmpfs of `megabytes` at a fresh directory, or null when this machine does not let us mount. */
async function mountSmallDisk(megabytes: number): Promise<{ dir: string; fill(): Promise<void>; free(): Promise<void>; unmount(): Promise<void> } | null> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cgp-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch {
    await rm(dir, { recursive: true, force: true });
    return null;
  }
  const filler = path.join(dir, 'filler');
  return {
    dir,
    /** Takes every free byte, so the next write anyone makes on this disk fails with ENOSPC. */
    async fill() {
      // The browser writes too, so no size computed beforehand is exact: write until refused.
      const file = await open(filler, 'a');
      try {
        for (const chunk of [1 << 20, 4096, 1]) {
          for (;;) {
            try {
              await file.write(Buffer.alloc(chunk));
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        await file.close();
      }
      expect((await statfs(dir)).bavail).toBe(0);
    },
    async free() {
      await rm(filler, { force: true });
    },
    async unmount() {
      if ((await findBrowserProcesses(dir)).main.length > 0) await killBrowser(dir);
      execFileSync('umount', ['--lazy', dir], { stdio: 'pipe' });
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Appends `words` to the contingency plan (rich text) and the visits field (plain textarea). */
async function typeIntoBothFields(page: Page, words: { rich: string; plain: string }): Promise<void> {
  await new PlanPage(page).richText(RICH).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(words.rich);
  await page.getByLabel(PLAIN, { exact: true }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(words.plain);
}

async function expectBothFields(page: Page, rich: string, plain: string): Promise<void> {
  await expect(new PlanPage(page).richText(RICH)).toHaveText(rich);
  await expect(page.getByLabel(PLAIN, { exact: true })).toHaveValue(plain);
}

test('a full disk: a plain message, nothing lost on screen, and "Try again" saves everything once there is space', async ({}) => {
  const disk = await mountSmallDisk(64);
  test.skip(!disk, 'mounting a small tmpfs needs root with CAP_SYS_ADMIN');
  if (!disk) return;
  let ext: ExtensionBrowser | null = null;
  try {
    ext = await launchExtension(disk.dir);
    const page = await ext.openPage('sidepanel.html#/');
    await new PlanListPage(page).createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }]);
    const plan = new PlanPage(page);
    await plan.expectOpen('Testington');
    await plan.goToSection('Contingency and contact');
    await typeIntoBothFields(page, { rich: 'Saved before the disk filled.', plain: 'Every 10 working days.' });
    await plan.expectSaved();

    await disk.fill();
    await typeIntoBothFields(page, { rich: ' Typed while it was full.', plain: ' Seen alone each visit.' });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This device has run out of space for saved plans.');
    await expect(alert).not.toContainText(/Error|error:|\bat \w+ \(/); // no error names, no stack
    await expect(plan.saveStatus).toHaveText('Not saved');
    // A full disk still takes a small write that fits in the unused end of a page the database's
    // file already has. What waits to be saved is made larger than any such end (pages are 4 KB),
    // so that a retry on the full disk really has nowhere to go.
    await page.getByLabel(PLAIN, { exact: true }).press('End');
    await page.keyboard.insertText(VISIT_NOTES);
    const plainWhileFull = `Every 10 working days. Seen alone each visit.${VISIT_NOTES}`;
    await expectBothFields(page, 'Saved before the disk filled. Typed while it was full.', plainWhileFull);
    await page.screenshot({ path: '.tmp/screens/storage-full.png', fullPage: true });
    await expectNoAxeViolations(page, 'storage full message');

    // Trying again while the disk is still full must not claim the plan is saved. The browser may
    // have freed a little space itself meanwhile (its database drops files it has compacted), so
    // the disk is filled again first: "still full" must be true when the retry writes.
    await disk.fill();
    await recordSaveStatus(page);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => saveStatusLog(page)).toEqual(['Not saved', 'Saving…', 'Not saved']);
    await expect(alert).toContainText('This device has run out of space for saved plans.');

    await disk.free();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await plan.expectSaved();
    await expect(page.getByRole('alert')).toHaveCount(0);

    await page.reload();
    await plan.expectOpen('Testington');
    await expectBothFields(page, 'Saved before the disk filled. Typed while it was full.', plainWhileFull);
    await plan.expectSaved();
  } finally {
    await ext?.close().catch(() => {});
    await disk.unmount();
  }
});

/** Ways the plan's database can disappear while the panel has it open. */
const REMOVALS: { how: string; name: string; remove: (ext: ExtensionBrowser, planId: string) => Promise<void> }[] = [
  {
    how: 'another extension page deletes it',
    name: 'deleted-by-a-page',
    async remove(ext, planId) {
      const other = await ext.openPage('sidepanel.html#/');
      // Straight to IndexedDB, not through the app's "Delete plan" (which also removes the plan
      // from the list and closes open copies): the plan is still listed, only its storage is gone.
      await other.evaluate(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = () => resolve();
            request.onerror = () => reject(request.error);
          }),
        `plan:${planId}`,
      );
      await other.close();
    },
  },
  {
    how: 'the browser clears the extension’s storage',
    name: 'cleared-by-the-browser',
    async remove(ext) {
      // As "Delete browsing data" does: connections are force-closed, no versionchange first.
      const cdp = await ext.context.newCDPSession(ext.context.pages()[0]!);
      await cdp.send('Storage.clearDataForOrigin', { origin: `chrome-extension://${ext.extensionId}`, storageTypes: 'indexeddb' });
      await cdp.detach();
    },
  },
];

for (const { how, name, remove } of REMOVALS) {
  test(`the plan's database removed under the open panel (${how}): a plain message, nothing on screen lost, "Try again" stores it all`, async ({ ext, panel }) => {
    await new PlanListPage(panel).createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }]);
    const plan = new PlanPage(panel);
    await plan.expectOpen('Testington');
    const planId = plan.planId();
    await plan.goToSection('Contingency and contact');
    await typeIntoBothFields(panel, { rich: 'Written before the removal.', plain: 'Weekly, at home.' });
    await plan.expectSaved();

    await remove(ext, planId);
    const alert = panel.getByRole('alert');
    await expect(alert).toContainText('This plan’s saved copy on this device was closed or removed while it was open.');
    await expect(alert).toContainText('Your changes are still in this window');
    await expect(plan.saveStatus).toHaveText('Not saved');
    await typeIntoBothFields(panel, { rich: ' Written after it.', plain: ' Seen alone.' });
    await expectBothFields(panel, 'Written before the removal. Written after it.', 'Weekly, at home. Seen alone.');
    await panel.screenshot({ path: `.tmp/screens/database-${name}.png`, fullPage: true });
    await expectNoAxeViolations(panel, `database removed (${how})`);

    await alert.getByRole('button', { name: 'Try again' }).click();
    await plan.expectSaved();
    await expect(panel.getByRole('alert')).toHaveCount(0);
    await expect.poll(() => panel.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toContain(`plan:${planId}`);

    await panel.reload();
    await plan.expectOpen('Testington');
    await expectBothFields(panel, 'Written before the removal. Written after it.', 'Weekly, at home. Seen alone.');
  });
}
