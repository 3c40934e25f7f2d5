/**
 * Two core group members in two Chromium instances (each its own profile and the built extension,
 * from WXT_OUT_DIR) sharing one plan through a signaling server, connected peer to peer: the set-up
 * the two-browser benchmarks share.
 */
import { rm } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import { launchExtension, type ExtensionBrowser } from '../../tests/e2e/support/browser.ts';
import { openMember } from '../../tests/e2e/support/member.ts';

/** One member: their browser and their side panel page, with its page objects. */
export type Member = Awaited<ReturnType<typeof openMember>> & { ext: ExtensionBrowser };

export interface SharedPlan {
  a: Member;
  b: Member;
  /** Closes both browsers and deletes their profiles. */
  close(): Promise<void>;
}

/**
 * Two members in two browsers with one shared plan ("Benchington", child Ava) open in its
 * Strengthening Families section, connected peer to peer (each side shows "Online with 1
 * colleague", which peer-sync.ts reports only for an open WebRTC data channel). A created and
 * shared the plan; B joined by the invite link. `initScript` runs in every page before its own
 * scripts. With `relayOnly`, both use that relay with WebRTC off, and are connected through it.
 */
export async function openSharedPlan(signalingUrl: string, initScript?: string, relayOnly?: { url: string }): Promise<SharedPlan> {
  const browsers = await Promise.all([launchExtension(), launchExtension()]);
  const close = async () => {
    await Promise.all(browsers.map((b) => b.close().catch(() => {})));
    await Promise.all(browsers.map((b) => rm(b.profileDir, { recursive: true, force: true })));
  };
  try {
    if (initScript) for (const b of browsers) await b.context.addInitScript(initScript);
    const a: Member = { ...(await openMember(browsers[0]!, { name: 'Sam Sample', agency: 'Children’s Social Care' }, signalingUrl)), ext: browsers[0]! };
    const b: Member = { ...(await openMember(browsers[1]!, { name: 'Jo Example', agency: 'Health' }, signalingUrl)), ext: browsers[1]! };
    if (relayOnly) for (const m of [a, b]) await m.sync.useRelay(relayOnly.url, true);
    await a.list.goto();
    await a.list.createPlan('Benchington', [{ name: 'Ava', dob: '2019-03-14' }]);
    await a.plan.expectOpen('Benchington');
    await b.sync.join(await a.sync.share(), a.sync);
    await b.plan.expectOpen('Benchington');
    if (relayOnly) {
      // Both caught up with the relay and subscribed: edits now travel through it alone.
      for (const m of [a, b]) await expect(m.sync.relayStatus).toHaveText(/^· (sent to the relay|up to date with the relay)/, { timeout: 30_000 });
    } else {
      await a.sync.expectOnlineWith(1);
      await b.sync.expectOnlineWith(1);
    }
    await a.plan.goToSection('Strengthening Families');
    await b.plan.goToSection('Strengthening Families');
    return { a, b, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Lets functions from bench files run in `page`: tsx compiles them with esbuild's keepNames, which
 * wraps named inner functions in a `__name(fn, "name")` helper the page does not have.
 */
export async function allowCompiledFunctions(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (fn) => fn');
}
