/**
 * The built extension, checked as shipped (runs after `npm run build`): only the permissions it
 * uses, no host permissions, no content scripts, no web-accessible resources, an explicit CSP no
 * weaker than MV3's default, no eval or new Function in any bundle, and no way for a family's or child's name to reach
 * the badge, a notification or a menu title (those strings are fixed wording, not data).
 */
import { test, expect } from '@playwright/test';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { EXTENSION_PATH } from './support/browser.ts';

const manifest = async () => JSON.parse(await readFile(path.join(EXTENSION_PATH, 'manifest.json'), 'utf8')) as Record<string, unknown>;

async function bundles(): Promise<{ file: string; code: string }[]> {
  const out: { file: string; code: string }[] = [];
  for (const dir of ['', 'chunks']) {
    for (const name of await readdir(path.join(EXTENSION_PATH, dir))) {
      if (name.endsWith('.js')) out.push({ file: path.join(dir, name), code: await readFile(path.join(EXTENSION_PATH, dir, name), 'utf8') });
    }
  }
  return out;
}

test('the manifest asks for exactly the permissions the extension uses, and nothing on web pages', async () => {
  const m = await manifest();
  expect(m.manifest_version).toBe(3);
  expect([...(m.permissions as string[])].sort()).toEqual(['alarms', 'contextMenus', 'notifications', 'offscreen', 'sidePanel', 'storage', 'unlimitedStorage']);
  expect(m.host_permissions).toBeUndefined();
  expect(m.optional_host_permissions).toBeUndefined();
  expect(m.content_scripts).toBeUndefined();
  expect(m.web_accessible_resources).toBeUndefined();
  expect(m.externally_connectable).toBeUndefined();
  // MV3's default policy written out (script-src 'self'), never loosened: no remote host, no eval, no wasm.
  expect(m.content_security_policy).toEqual({ extension_pages: "script-src 'self'; object-src 'self'" });
  expect(typeof m.key).toBe('string');
  expect(m.icons).toMatchObject({ 16: 'icon/16.png', 128: 'icon/128.png' });
});

test('no bundle evaluates strings as code', async () => {
  const offenders = (await bundles()).filter(({ code }) => /\beval\s*\(|new\s+Function\s*\(/.test(code)).map((b) => b.file);
  expect(offenders).toEqual([]);
});

test('badge, notification and menu wording is fixed text with counts only', async () => {
  const background = (await bundles()).find((b) => b.file === 'background.js')!.code;
  // What the service worker shows outside the panel comes from these calls; their text is built
  // from counts (lib/due/due-summary.ts) and fixed titles, which the unit tests pin down.
  expect(background).toContain('setBadgeText');
  expect(background).toMatch(/Add to plan/);
  for (const forbidden of ['familyName', 'childNames']) {
    // The background reads plans to count deadlines; it must never put names into what it shows.
    const uses = [...background.matchAll(new RegExp(`(setBadgeText|setTitle|create)\\([^)]*${forbidden}`, 'g'))];
    expect(uses, `background passes ${forbidden} to a visible string`).toEqual([]);
  }
});
