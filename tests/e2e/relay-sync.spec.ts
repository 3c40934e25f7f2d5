/**
 * Journey: two members whose browsers are never open at the same time, with WebRTC turned off
 * ("Relay only"), converge through the real relay: Alice invites Bob, edits and closes; Bob asks
 * to join and closes; Alice opens, checks his safety code and admits him, and closes; Bob opens,
 * sees her edit, edits and closes; Alice opens again and sees his. The relay is shown only ciphertext, and
 * no WebRTC connection is ever made.
 */
import { test, expect } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchExtension, newProfileDir, type ExtensionBrowser } from './support/browser.ts';
import { startRelayServer, type RelayProcess } from './support/relay-server.ts';
import { declareIdentity } from './pages/settings-page.ts';
import { SyncPage, TRACK_PEER_CONNECTIONS } from './pages/sync-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { expectNoAxeViolations } from './fixtures.ts';

let relay: RelayProcess | undefined;
const browsers: ExtensionBrowser[] = [];
test.afterEach(async () => {
  await Promise.all(browsers.splice(0).map((b) => b.close().catch(() => {})));
  await relay?.close();
});

async function machine(profileDir: string) {
  const browser = await launchExtension(profileDir);
  browsers.push(browser);
  await browser.context.addInitScript(TRACK_PEER_CONNECTIONS);
  const page = await browser.openPage('sidepanel.html#/');
  return { browser, page, sync: new SyncPage(page), plan: new PlanPage(page), list: new PlanListPage(page) };
}

async function closeMachine(m: { browser: ExtensionBrowser; page: import('@playwright/test').Page }) {
  // Relay only: not one WebRTC connection was made on this machine.
  expect(await m.page.evaluate(() => (window as unknown as { __peerConnections: unknown[] }).__peerConnections.length)).toBe(0);
  expect(m.browser.pageErrors).toEqual([]);
  await m.browser.close();
  browsers.splice(browsers.indexOf(m.browser), 1);
}

test('members never online together converge through the relay, with WebRTC off', async () => {
  test.setTimeout(150_000);
  relay = await startRelayServer();
  const [aliceProfile, bobProfile] = await Promise.all([newProfileDir(), newProfileDir()]);

  // Alice: relay only, creates a plan, invites Bob, edits, and closes her browser.
  let a = await machine(aliceProfile);
  await declareIdentity(a.page, { name: 'Sam Sample', agency: 'Children’s Social Care' });
  await a.sync.useRelay(relay.url, true);
  // The settings form explains a bad address and keeps what was typed.
  await a.page.getByLabel('Relay address').fill('https://relay.example.org');
  await a.page.getByRole('button', { name: 'Save connection settings' }).click();
  await expect(a.page.getByRole('alert')).toHaveText('“https://relay.example.org” is not a relay address: it should start with wss:// (or ws:// on this computer), for example wss://relay.example.org/relay.');
  await expect(a.page.getByLabel('Relay address')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(a.page, 'connection settings with a relay error');
  await a.page.getByRole('region', { name: 'Connecting to colleagues' }).screenshot({ path: '.tmp/screens/relay-settings-error.png' });
  await a.sync.useRelay(relay.url, true);
  await expectNoAxeViolations(a.page, 'connection settings');
  await a.page.getByRole('region', { name: 'Connecting to colleagues' }).screenshot({ path: '.tmp/screens/relay-settings.png' });

  await a.list.goto();
  await a.list.createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }]);
  await a.plan.expectOpen('Testington');
  const link = await a.sync.share();
  const planId = a.plan.planId();
  await a.plan.addToDangerStatement('Ava is frightened when the adults argue.');
  await a.plan.expectSaved();
  await a.sync.expectSentToRelay();
  await expect(a.page.locator('.peer-status')).toHaveCount(0);
  await expectNoAxeViolations(a.page, 'plan with the relay status');
  await a.page.locator('.plan-header').screenshot({ path: '.tmp/screens/relay-status-sent.png' });
  await closeMachine(a);

  // Bob asks to join while Alice is closed: his request waits for her on the relay.
  let b = await machine(bobProfile);
  await declareIdentity(b.page, { name: 'Jo Example', agency: 'Health' });
  await b.sync.useRelay(relay.url, true);
  const code = await b.sync.askToJoin(link);
  await expect(b.page.getByText('Your request has reached the relay: it waits there until they open the plan.')).toBeVisible({ timeout: 30_000 });
  await closeMachine(b);

  // Alice opens the plan: Bob's request is there. She checks his safety code and admits him; his
  // welcome waits for him on the relay, and she closes again.
  a = await machine(aliceProfile);
  await a.page.goto(a.page.url().replace(/#.*$/, '') + `#/plan/${planId}`);
  await a.plan.expectOpen('Testington');
  await expect(a.sync.request(code)).toContainText('Jo Example, Health asks to join.', { timeout: 30_000 });
  await expectNoAxeViolations(a.page, 'a request to join');
  await a.page.locator('.join-requests').screenshot({ path: '.tmp/screens/relay-request-to-join.png' });
  await a.sync.admit(code);
  await expect(a.page.getByText('Jo Example is now a member. Their welcome is waiting for them on the relay.')).toBeVisible({ timeout: 30_000 });
  await a.sync.expectSentToRelay();
  await closeMachine(a);

  // Bob again: his request in the plan list finds the welcome; the plan arrives through the relay,
  // with Alice's edit. He adds his own and closes.
  b = await machine(bobProfile);
  await b.page.getByRole('region', { name: 'Asking to join' }).getByRole('link').click();
  await b.plan.expectOpen('Testington');
  await b.plan.goToSection('Strengthening Families');
  await expect(b.plan.dangerStatement()).toHaveText('Ava is frightened when the adults argue.', { timeout: 30_000 });
  await b.plan.addToDangerStatement(' Health visitor agrees.');
  await b.plan.expectSaved();
  await b.sync.expectSentToRelay();
  await closeMachine(b);

  // Alice again: her copy catches up from the relay, and the status line says what arrived.
  a = await machine(aliceProfile);
  await a.page.goto(a.page.url().replace(/#.*$/, '') + `#/plan/${planId}`);
  await a.plan.expectOpen('Testington');
  await a.plan.goToSection('Strengthening Families');
  await expect(a.plan.dangerStatement()).toHaveText('Ava is frightened when the adults argue. Health visitor agrees.', { timeout: 30_000 });
  await expect(a.page.locator('.relay-news')).toHaveText(/^Received \d+ edits? from colleagues since you last opened$/);
  await expectNoAxeViolations(a.page, 'plan after catching up through the relay');
  await a.page.locator('.plan-header').screenshot({ path: '.tmp/screens/relay-status-received.png' });
  await closeMachine(a);

  // The relay kept ciphertext only: no family, child or member name in its files (the lobby's included).
  for (const file of await readdir(relay.dataDir)) {
    const bytes = await readFile(path.join(relay.dataDir, file));
    expect(bytes.includes('Testington'), file).toBe(false);
    expect(bytes.includes('frightened'), file).toBe(false);
    expect(bytes.includes('Jo Example'), file).toBe(false);
  }
});
