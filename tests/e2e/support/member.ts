/**
 * A core group member at their own machine (one browser profile): the side panel open, who they
 * are declared, and the extension pointed at the test's signaling server.
 */
import { expect, test } from '@playwright/test';
import { launchExtension, type ExtensionBrowser } from './browser.ts';
import { startSignaling, type SignalingServer } from './signaling.ts';
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

export interface TwoMachines {
  server: SignalingServer;
  alice: ExtensionBrowser;
  bob: ExtensionBrowser;
}

/**
 * Two members on two machines (two browser profiles) and a signaling server, fresh for each test
 * of the calling spec and closed after it with `closeMembers`. `prepare` runs on each browser
 * before the test starts.
 */
export function twoMachinesEachTest(prepare?: (browser: ExtensionBrowser) => Promise<unknown>): TwoMachines {
  const machines = {} as TwoMachines;
  test.beforeEach(async () => {
    machines.server = await startSignaling();
    [machines.alice, machines.bob] = await Promise.all([launchExtension(), launchExtension()]);
    if (prepare) for (const browser of [machines.alice, machines.bob]) await prepare(browser);
  });
  test.afterEach(() => closeMembers([machines.alice, machines.bob], machines.server));
  return machines;
}
