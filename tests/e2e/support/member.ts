/**
 * A core group member at their own machine (one browser profile): the side panel open, who they
 * are declared, and the extension pointed at the test's signaling server.
 */
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
