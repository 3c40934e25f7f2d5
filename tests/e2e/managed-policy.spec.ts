/**
 * Journey (issue 19 §1): an organisation sets the extension's settings by enterprise policy, and
 * Chromium hands them to the extension through managed storage (`storage.managed`, described by
 * public/managed-schema.json). Chromium reads policy only from a root-owned directory
 * (/etc/chromium/policies/managed), which every browser on the machine shares; so the journey
 * writes one uniquely named file, only with values no other journey can be changed by (a relay
 * address that is no address, which the extension ignores; a profile id of the wrong type, which
 * Chromium drops against the schema), and deletes it as soon as the browser has read it. A valid
 * relay or "relay only" would change how every browser launched meanwhile syncs, so those being
 * shown read-only is proven on the mounted form (tests/unit/components/network-settings.svelte.test.ts). Where the directory cannot be written (not root), the journey is skipped: the reader
 * itself is unit-tested with a fake managed area (tests/unit/settings/managed.test.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, rmdir, writeFile, access, constants } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { EXTENSION_ID, launchExtension, type ExtensionBrowser } from './support/browser.ts';
import type { ExtensionGlobal } from './support/extension-global.ts';
import { expectAccessibleView, NARROWEST } from './support/a11y.ts';

const POLICY_DIR = '/etc/chromium/policies/managed';

async function writablePolicyDir(): Promise<{ created: string[] } | null> {
  const created: string[] = [];
  try {
    for (const dir of ['/etc/chromium/policies', POLICY_DIR]) {
      try {
        await access(dir, constants.F_OK);
      } catch {
        await mkdir(dir);
        created.push(dir);
      }
    }
    await access(POLICY_DIR, constants.W_OK);
    return { created };
  } catch {
    return null;
  }
}

test('the organisation’s settings reach the extension through managed storage; a bad value is ignored with a note', async () => {
  const dir = await writablePolicyDir();
  test.skip(!dir, `${POLICY_DIR} cannot be written here (Chromium reads policy only from there, as root)`);
  const file = path.join(POLICY_DIR, `core-group-plan-e2e-${randomBytes(6).toString('hex')}.json`);
  const policy = { '3rdparty': { extensions: { [EXTENSION_ID]: { relay: 'relay.council.example.gov.uk', defaultProfile: 7 } } } };
  let ext: ExtensionBrowser | undefined;
  try {
    await writeFile(file, JSON.stringify(policy));
    ext = await launchExtension();
    const page = await ext.openPage('sidepanel.html#/settings/network');
    // Chromium hands over what fits the schema and drops the rest itself (a number for a profile id).
    const managed = await page.evaluate(() =>
      (globalThis as unknown as ExtensionGlobal).chrome.storage.managed.get(null),
    );
    expect(managed).toEqual({ relay: 'relay.council.example.gov.uk' });
    await rm(file, { force: true });
    // A relay address of the right type but no address at all is ignored, saying so; nothing breaks.
    await expect(page.getByText('Your organisation’s relay server setting was ignored, because the value “relay.council.example.gov.uk” is not a relay address: it should start with wss:// (or ws:// on this computer), for example wss://relay.example.org/relay. Ask your IT team to correct it.')).toBeVisible();
    await expect(page.getByLabel('Signaling servers (one per line)')).toBeFocused();
    await page.setViewportSize(NARROWEST);
    await expectAccessibleView(page, 'settings with a managed value ignored');
    await page.screenshot({ path: '.tmp/screens/managed-ignored-320.png' });
  } finally {
    await rm(file, { force: true });
    for (const created of [...(dir?.created ?? [])].reverse()) await rmdir(created).catch(() => {});
    await ext?.close();
  }
  expect(ext?.pageErrors ?? [], 'uncaught errors in extension pages').toEqual([]);
});
