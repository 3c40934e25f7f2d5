/**
 * A core group member at their own machine (one browser profile): the side panel open, who they
 * are declared, and the extension pointed at the test's signaling server.
 */
import { expect } from '@playwright/test';
import type { ExtensionBrowser } from './browser.ts';
import { declareIdentity, type DeclaredIdentity } from '../pages/settings-page.ts';
import { SyncPage } from '../pages/sync-page.ts';
import { PlanPage } from '../pages/plan-page.ts';
import { PlanListPage } from '../pages/plan-list-page.ts';
import { ChairPage } from '../pages/chair-page.ts';

export async function openMember(ext: ExtensionBrowser, who: DeclaredIdentity, signalingUrl: string) {
  const page = await ext.openPage('sidepanel.html#/');
  await declareIdentity(page, who);
  const sync = new SyncPage(page);
  await sync.useSignalingServer(signalingUrl);
  return { page, sync, plan: new PlanPage(page), list: new PlanListPage(page), chair: new ChairPage(page) };
}

/**
 * After a two-member journey: closes both browsers and the server, then expects that nothing
 * either member did threw in a page (either browser may be missing if set-up failed).
 */
export async function closeMembers(browsers: (ExtensionBrowser | undefined)[], server: { close(): Promise<void> } | undefined): Promise<void> {
  await Promise.all(browsers.map((b) => b?.close().catch(() => {})));
  await server?.close();
  expect(browsers.flatMap((b) => b?.pageErrors ?? []), 'uncaught errors in extension pages').toEqual([]);
}
