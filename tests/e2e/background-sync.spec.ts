/**
 * Journey: a member whose panel is closed still receives colleagues' edits. Bob joins a shared plan
 * and closes his panel; Alice edits; Bob's browser keeps the plan in step in the background (Chrome's
 * offscreen document, lib/background/) and saves the edit on his device. Then Bob's connection is
 * cut and Bob opens the plan: Alice's edit is there, as it can only have arrived while his panel was
 * closed. Twice: over WebRTC (no relay set; the signaling server stops and Alice's browser closes),
 * where an action Alice adds that is due today also reaches Bob's toolbar badge, counted without a
 * name; and with WebRTC off ("Relay only", no signaling server at all), through the real relay,
 * which then stops with Alice's browser closed. On the way, Alice closes her panel with an edit
 * still waiting to send while the relay is down: her own background copy sends it when it returns.
 */
import { test, expect, type Page } from '@playwright/test';
import { openMember, twoMachinesEachTest } from './support/member.ts';
import { startRelayServer, type RelayProcess } from './support/relay-server.ts';
import type { ExtensionBrowser } from './support/browser.ts';
import { storedPlan } from './support/stored-plan.ts';
import { PlanPage } from './pages/plan-page.ts';
import { SyncPage, TRACK_PEER_CONNECTIONS } from './pages/sync-page.ts';
import { CoreGroupPage, OutcomesPage } from './pages/outcomes-page.ts';
import { badgeText, badgeTitle } from './pages/deadlines-page.ts';
import { expectNoAxeViolations } from './fixtures.ts';
import { iso, now } from './support/around-today.ts';

const DEV = "The child's developmental needs";
const OWNER = 'Sam Sample (Children’s Social Care)';

const machines = twoMachinesEachTest((browser) => browser.context.addInitScript(TRACK_PEER_CONNECTIONS));
let relay: RelayProcess | undefined;
test.afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

const ALICE = { name: 'Sam Sample', agency: 'Children’s Social Care' };
const BOB = { name: 'Jo Example', agency: 'Health' };

/** A member whose browser syncs through `relayUrl` only (WebRTC off), or over WebRTC alone when it is ''. */
async function member(browser: ExtensionBrowser, who: typeof ALICE, relayUrl: string) {
  const m = await openMember(browser, who, machines.server.url);
  await m.sync.useRelay(relayUrl, relayUrl !== '');
  return m;
}

/** Alice creates and shares a plan; Bob joins it. Returns both and the id of Bob's copy. */
async function sharedPlan(relayUrl: string) {
  const a = await member(machines.alice, ALICE, relayUrl);
  const b = await member(machines.bob, BOB, relayUrl);
  await a.list.goto();
  await a.list.createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }]);
  await a.plan.expectOpen('Testington');
  const link = await a.sync.share();
  await b.sync.join(link, a.sync);
  await b.plan.expectOpen('Testington');
  // The welcome gives the joining member the plan's own id.
  return { a, b, planId: b.plan.planId() };
}

/** Waits until the address in the plan stored on a device is `address` (read by a page that does not open the plan). */
async function expectStoredAddress(page: Page, planId: string, address: string, timeout: number) {
  await expect.poll(async () => (await storedPlan(page, planId)).getMap('meta').get('address'), { timeout }).toBe(address);
}

const peerConnections = (page: Page) => page.evaluate(() => (window as unknown as { __peerConnections: unknown[] }).__peerConnections.length);

test('a colleague’s edit reaches a member whose panel is closed, and is there when they open the plan offline', async () => {
  test.setTimeout(120_000);
  // WebRTC only: no relay set, so nothing can arrive any other way.
  const { a, b, planId } = await sharedPlan('');
  await a.sync.expectOnlineWith(1);

  // Bob closes his panel. Nothing of his is open, yet his browser stays in the room.
  await b.page.close();
  await a.plan.goToSection('Family and children');
  await a.page.getByLabel('Address').fill('12 Background Lane, Sampletown');
  await a.plan.expectSaved();

  // The edit reaches Bob's device with no page of his holding the plan (read from its database
  // by a page that does not open the plan: the plan list).
  const bobsList = await machines.bob.openPage('sidepanel.html#/');
  await expectStoredAddress(bobsList, planId, '12 Background Lane, Sampletown', 45_000);

  // Alice adds an action due today: Bob's badge counts it, with his panel still closed.
  const before = Number((await badgeText(machines.bob)) || '0');
  await a.plan.goToSection('Core group');
  await new CoreGroupPage(a.page).addMe();
  await a.plan.goToSection('Outcomes and actions');
  const outcomes = new OutcomesPage(a.page);
  const outcome = await outcomes.addOutcome(DEV, {
    statement: 'Ava is at school on time every day',
    measure: 'School attendance above 95% each half term',
    due: iso(new Date(now.getTime() + 120 * 86_400_000)),
    sustainability: 'Mum has a morning routine she keeps without reminders',
  });
  await outcomes.addAction(outcome, { description: 'Health visitor sees Ava at home', owner: OWNER, due: iso(now), measure: 'Visit recorded' });
  await a.plan.expectSaved();
  await expect.poll(() => badgeText(machines.bob), { timeout: 45_000 }).toBe(String(before + 1));
  expect(await badgeTitle(machines.bob)).not.toMatch(/Testington|Ava|Health visitor/);

  // Bob's connection is cut: no signaling server, no Alice.
  await machines.server.stop();
  await machines.alice.close();

  const page = await machines.bob.openPage(`sidepanel.html#/plan/${planId}/family`);
  const plan = new PlanPage(page);
  await plan.expectOpen('Testington');
  await expect(page.getByLabel('Address')).toHaveValue('12 Background Lane, Sampletown');
  await expect(new SyncPage(page).peerStatus).toContainText(/Offline|Connecting/, { timeout: 30_000 });
  await expectNoAxeViolations(page, 'plan opened offline after a background catch-up');
  await page.screenshot({ path: '.tmp/screens/background-sync-opened-offline.png', fullPage: true });
});

test('with WebRTC off, colleagues’ edits reach a closed panel through the relay (one sent by a closed panel’s background copy), and are there when the plan opens offline', async () => {
  test.setTimeout(240_000);
  // No signaling server at all: the relay is the only way between the two machines.
  await machines.server.stop();
  relay = await startRelayServer();
  const { a, b, planId } = await sharedPlan(relay.url);
  expect(await peerConnections(b.page)).toBe(0);

  // Bob closes his panel; then Alice edits, and the relay acknowledges her edit.
  await b.page.close();
  await a.plan.goToSection('Family and children');
  await a.page.getByLabel('Address').fill('7 Relay Row, Sampletown');
  await a.plan.expectSaved();
  await a.sync.expectSentToRelay();

  // Bob's background copy takes it from the relay into his device's database.
  const bobsList = await machines.bob.openPage('sidepanel.html#/');
  await expectStoredAddress(bobsList, planId, '7 Relay Row, Sampletown', 45_000);

  // The relay goes away; Alice types and closes her panel with the edit still waiting to send. Only
  // her own background copy, opening once no page of hers holds the plan, can send it: it finds
  // the outbox her panel left in the plan's database.
  await relay.stop();
  await a.page.getByLabel('Address').fill('9 Outbox Close, Sampletown');
  await a.plan.expectSaved();
  await expect(a.sync.relayStatus).toContainText('1 edit waiting to send', { timeout: 15_000 });
  expect(await peerConnections(a.page)).toBe(0);
  await a.page.close();
  await relay.start();
  await expectStoredAddress(bobsList, planId, '9 Outbox Close, Sampletown', 90_000);

  // Bob's network is cut: Alice's browser closes and the relay stops.
  await machines.alice.close();
  await relay.close();
  relay = undefined;

  const page = await machines.bob.openPage(`sidepanel.html#/plan/${planId}/family`);
  const plan = new PlanPage(page);
  await plan.expectOpen('Testington');
  await expect(page.getByLabel('Address')).toHaveValue('9 Outbox Close, Sampletown');
  await expectNoAxeViolations(page, 'plan opened with the relay unreachable after a background catch-up');
  await page.locator('.plan-header').screenshot({ path: '.tmp/screens/background-sync-relay-offline.png' });
  for (const p of [page, bobsList]) expect(await peerConnections(p)).toBe(0);
});
