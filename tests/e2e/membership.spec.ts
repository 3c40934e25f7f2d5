/**
 * Journey: membership with keys, three members on three machines (three Chromium profiles) with
 * the real signaling server and the real relay. The chair invites two colleagues with single-use
 * links; each asks to join and reads out a safety code, which the chair checks against the code on
 * their request and admits; all three converge. The chair removes one: the plan gets a new key,
 * the removed profile says so and receives nothing new, its later edits reach nobody, and the two
 * remaining converge. Removing a saved version is a decision the remover's device signs; a
 * removal no member signed is shown as such and can be put back.
 *
 * What "receives nothing new" is measured by: (1) the removed profile's stored copy of the plan
 * (its IndexedDB, read from the test): from the moment it shows the removal message, no other
 * device's clock advances in it (its state vector, own clients left out) and the text typed after
 * never appears in it; (2) the relay's SQLite file: every room that existed at that moment (the
 * old epoch's room among them) has the same head at the end, so nothing new was even stored where
 * the removed device could fetch it, while a new room (the new epoch's) carries the new edits.
 */
import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { launchExtension, type ExtensionBrowser } from './support/browser.ts';
import type { ExtensionGlobal } from './support/extension-global.ts';
import { startSignaling, type SignalingServer } from './support/signaling.ts';
import { startRelayServer, type RelayProcess } from './support/relay-server.ts';
import { openMember, closeMembers } from './support/member.ts';
import { appendStoredUpdate, storedPlan } from './support/stored-plan.ts';
import { NARROWEST, expectAccessibleView } from './support/a11y.ts';
import { deriveRelayKeys } from '../../lib/sync/relay/keys.ts';
import { HistoryPage } from './pages/history-page.ts';

const SAM = { name: 'Sam Sample', agency: 'Children’s Social Care', role: 'Social worker' };
const ASHA = { name: 'Asha Patel', agency: 'Riverside Primary', role: 'Designated safeguarding lead' };
const JO = { name: 'Jo Example', agency: 'Health', role: 'Health visitor' };

let server: SignalingServer | undefined;
let relay: RelayProcess | undefined;
let browsers: ExtensionBrowser[] = [];
test.afterEach(async () => {
  await closeMembers(browsers, server);
  await relay?.close();
});

/** Every room the relay stores, by tag (hex), with its head (the last sequence number it gave). */
function relayRooms(dataDir: string): Map<string, number> {
  const db = new Database(path.join(dataDir, 'relay.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT tag, head FROM rooms').all() as { tag: Buffer; head: number }[];
    return new Map(rows.map((r) => [r.tag.toString('hex'), r.head]));
  } finally {
    db.close();
  }
}

/** The stored copy's state vector: how far it has each writer's edits (client → clock). */
async function progress(page: Page, planId: string): Promise<Map<number, number>> {
  return Y.decodeStateVector(Y.encodeStateVector(await storedPlan(page, planId)));
}

/** A plan's entry in a profile's plan list (extension storage). */
async function planEntry(page: Page, planId: string): Promise<Record<string, unknown>> {
  return page.evaluate(
    async (key) => (await (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get(key))[key] as Record<string, unknown>,
    `plan/${planId}`,
  );
}

const storedSecret = async (page: Page, planId: string) => String((await planEntry(page, planId)).inviteSecret);

/** The relay rooms a profile can read: those of every secret its plan list keeps for the plan. */
async function roomsKnownTo(page: Page, planId: string): Promise<string[]> {
  const summary = await planEntry(page, planId);
  const secrets = [summary.inviteSecret, summary.epochSecret].filter((s): s is string => typeof s === 'string');
  return Promise.all([...new Set(secrets)].map(async (secret) => Buffer.from((await deriveRelayKeys(secret)).tag).toString('hex')));
}

const storedText = async (page: Page, planId: string) => JSON.stringify((await storedPlan(page, planId)).toJSON());

/** Two machines with the real signaling server: Sam, who creates the plan (the chair to be), and Asha. */
async function chairWithPlan() {
  server = await startSignaling();
  browsers = await Promise.all([launchExtension(), launchExtension()]);
  const [chair, asha] = await Promise.all([openMember(browsers[0]!, SAM, server.url), openMember(browsers[1]!, ASHA, server.url)]);
  await chair.list.goto();
  await chair.list.createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }]);
  await chair.plan.expectOpen('Testington');
  return { chair, asha, planId: chair.plan.planId() };
}

test('the chair admits two members by safety code, removes one; the removed one gets nothing new and reaches nobody', async () => {
  test.setTimeout(240_000);
  server = await startSignaling();
  relay = await startRelayServer();
  browsers = await Promise.all([launchExtension(), launchExtension(), launchExtension()]);
  const [chair, asha, jo] = await Promise.all([
    openMember(browsers[0]!, SAM, server.url),
    openMember(browsers[1]!, ASHA, server.url),
    openMember(browsers[2]!, JO, server.url),
  ]);
  for (const m of [chair, asha, jo]) await m.sync.useRelay(relay.url, false);

  // The chair creates the plan and invites two colleagues, each with a link of their own.
  await chair.list.goto();
  await chair.list.createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }]);
  await chair.plan.expectOpen('Testington');
  const planId = chair.plan.planId();
  const ashaLink = await chair.sync.share();
  const joLink = await chair.sync.share();
  expect(ashaLink).not.toBe(joLink);

  // Each asks to join and sees a safety code; the chair sees each request with the same code.
  const ashaCode = await asha.sync.askToJoin(ashaLink);
  const joCode = await jo.sync.askToJoin(joLink);
  await asha.page.setViewportSize(NARROWEST);
  await expectAccessibleView(asha.page, 'asking to join');
  await asha.page.screenshot({ path: '.tmp/screens/membership-asking-320.png', fullPage: true });
  await expect(chair.sync.request(ashaCode)).toContainText('Asha Patel, Riverside Primary, Designated safeguarding lead asks to join.', { timeout: 30_000 });
  await expect(chair.sync.request(joCode)).toContainText('Jo Example, Health, Health visitor asks to join.', { timeout: 30_000 });
  await chair.page.setViewportSize(NARROWEST);
  await expectAccessibleView(chair.page, 'requests to join');
  await chair.page.screenshot({ path: '.tmp/screens/membership-requests-320.png', fullPage: true });

  // The chair admits both: each device opens the plan, and all three converge.
  await chair.sync.admit(ashaCode);
  await chair.sync.admit(joCode);
  await asha.plan.expectOpen('Testington');
  await jo.plan.expectOpen('Testington');
  await chair.plan.addToDangerStatement('Ava is frightened when the adults argue.');
  await jo.plan.addToDangerStatement(' Health visitor agrees.');
  const both = 'Ava is frightened when the adults argue. Health visitor agrees.';
  for (const m of [chair, asha, jo]) {
    await m.plan.goToSection('Strengthening Families');
    await expect(m.plan.dangerStatement()).toHaveText(both, { timeout: 30_000 });
  }

  // Each link works once: Jo, trying Asha's, hears so (her lobby holds Asha's welcome).
  await jo.page.goto(jo.page.url().replace(/#.*$/, '') + '#/');
  await jo.page.getByRole('button', { name: 'Join a plan' }).click();
  await jo.page.getByLabel('Invite link').fill(ashaLink);
  await jo.page.getByRole('button', { name: 'Join plan' }).click();
  await expect(jo.page.getByRole('alert')).toHaveText(/^\s*This invitation has already been used\./, { timeout: 30_000 });
  await expectAccessibleView(jo.page, 'invitation already used');
  await jo.page.getByRole('button', { name: 'Remove this request' }).click();
  await expect(jo.page.getByRole('heading', { level: 1, name: 'Plans on this device' })).toBeVisible();
  await jo.page.goto(jo.page.url().replace(/#.*$/, '') + `#/plan/${planId}/framework`);
  await jo.plan.expectOpen('Testington');

  // The members list: three verified members, the chair marked.
  await chair.page.getByRole('button', { name: 'Share', exact: true }).click();
  const share = chair.page.getByRole('dialog', { name: 'Share this plan with the core group' });
  const members = share.getByRole('region', { name: 'Members of this plan' });
  await expect(members.getByRole('listitem')).toHaveCount(3, { timeout: 30_000 });
  await expect(members.getByRole('listitem', { name: 'Sam Sample' })).toContainText('Chair');
  await expect(members.getByRole('listitem', { name: 'Jo Example' })).toContainText('Health, Health visitor; 1 device');
  await expectAccessibleView(chair.page, 'share dialog with members');
  await chair.page.screenshot({ path: '.tmp/screens/membership-members-320.png', fullPage: true });

  // The chair removes Jo, after a confirmation saying what it does.
  await members.getByRole('button', { name: 'Remove Jo Example from this plan' }).click();
  const confirm = chair.page.getByRole('dialog', { name: 'Remove Jo Example from this plan?' });
  await expect(confirm).toContainText('The plan gets a new key');
  await expect(confirm).toContainText('keep what they already have, but receive nothing new');
  await expectAccessibleView(chair.page, 'remove a member, confirm');
  await chair.page.screenshot({ path: '.tmp/screens/membership-remove-confirm-320.png', fullPage: true });
  await confirm.getByRole('button', { name: 'Remove from this plan' }).click();
  await expect(share.getByRole('status').filter({ hasText: 'Jo Example was removed from this plan.' })).toBeVisible();
  await expect(members.getByRole('listitem')).toHaveCount(2);
  await share.getByRole('button', { name: 'Done' }).click();

  // Jo's device says so, above its copy, which stays readable.
  await expect(jo.page.getByRole('alert').filter({ hasText: /You were removed from this plan on \d{1,2} \w+ \d{4}; the copy on this device stays readable but no longer\s+syncs\./ })).toBeVisible({ timeout: 30_000 });
  await expect(jo.plan.dangerStatement()).toHaveText(both);
  // It no longer syncs: no connection to colleagues or to the relay is shown.
  await expect(jo.sync.peerStatus).toHaveCount(0);
  await expect(jo.sync.relayStatus).toHaveCount(0);
  await jo.page.setViewportSize(NARROWEST);
  await expectAccessibleView(jo.page, 'removed from the plan');
  await jo.page.screenshot({ path: '.tmp/screens/membership-removed-320.png', fullPage: true });

  // The chair's and Asha's pages moved to the new key, and their plan lists keep it for the next
  // open (the background copy stands aside while a page has the plan).
  for (const m of [chair, asha]) await expect.poll(async () => (await planEntry(m.page, planId)).epoch, { timeout: 30_000 }).toBe(1);

  // From here on, count what reaches Jo's device.
  const joBefore = await progress(jo.page, planId);
  const joRooms = await roomsKnownTo(jo.page, planId);
  expect(joRooms.length).toBeGreaterThan(0);
  const roomsBefore = relayRooms(relay.dataDir);

  // The two remaining members edit; they converge.
  await chair.plan.addToDangerStatement(' Typed after Jo was removed.');
  await expect(asha.plan.dangerStatement()).toHaveText(`${both} Typed after Jo was removed.`, { timeout: 30_000 });
  await asha.plan.addToDangerStatement(' Asha agrees.');
  const after = `${both} Typed after Jo was removed. Asha agrees.`;
  await expect(chair.plan.dangerStatement()).toHaveText(after, { timeout: 30_000 });
  await expect(asha.plan.dangerStatement()).toHaveText(after, { timeout: 30_000 });

  // Jo's copy writes something after the removal (as a modified client could): it reaches nobody.
  const joDoc = await storedPlan(jo.page, planId);
  const joVector = Y.encodeStateVector(joDoc);
  joDoc.getMap('meta').set('address', '9 Removed Road, Sampletown');
  await appendStoredUpdate(jo.page, planId, Y.encodeStateAsUpdate(joDoc, joVector));
  await jo.page.reload();
  await expect(jo.page.getByRole('alert').filter({ hasText: 'You were removed from this plan' })).toBeVisible();
  await chair.plan.addToDangerStatement(' Last word.');
  await expect(asha.plan.dangerStatement()).toHaveText(`${after} Last word.`, { timeout: 30_000 });
  await chair.plan.goToSection('Family and children');
  await asha.plan.goToSection('Family and children');
  for (const m of [chair, asha]) {
    await expect(m.page.getByLabel('Address')).not.toHaveValue('9 Removed Road, Sampletown');
    expect(await storedText(m.page, planId)).not.toContain('Removed Road');
  }

  // Measured: nothing from another device reached Jo's copy, and no room Jo could read grew.
  // Every writer the chair's copy knows stands in Jo's copy where it stood at the removal (Jo's
  // own later sessions write with clients nobody else ever received).
  const chairProgress = await progress(chair.page, planId);
  const joAfter = await progress(jo.page, planId);
  const reachedJo = [...joAfter].filter(([client, clock]) => chairProgress.has(client) && clock !== (joBefore.get(client) ?? 0));
  expect(reachedJo, 'edits that reached Jo after the removal').toEqual([]);
  expect([...chairProgress].filter(([client, clock]) => clock > (joAfter.get(client) ?? 0)).length, 'edits Jo did not get').toBeGreaterThan(0);
  const joText = await storedText(jo.page, planId);
  expect(joText).not.toContain('Typed after Jo was removed');
  expect(joText).not.toContain('Asha agrees');
  const roomsAfter = relayRooms(relay.dataDir);
  for (const tag of joRooms) expect(roomsAfter.get(tag), `relay room ${tag.slice(0, 8)}… (Jo knows its key)`).toBe(roomsBefore.get(tag));
  // The new edits went through the relay all the same: into a room Jo has no key for.
  const grew = [...roomsAfter].filter(([tag, head]) => !joRooms.includes(tag) && head > (roomsBefore.get(tag) ?? 0));
  expect(grew.length, 'rooms that received the edits made after the removal').toBeGreaterThan(0);

  // Jo's plan list marks the plan.
  await jo.page.goto(jo.page.url().replace(/#.*$/, '') + '#/');
  await expect(jo.page.getByText(/^You were removed from this plan on .+: it no longer syncs\.$/)).toBeVisible();
  await expectAccessibleView(jo.page, 'plan list with a plan removed from');
});

test('a device that had the plan before membership asks the chair to confirm it, and syncs again once confirmed', async () => {
  test.setTimeout(180_000);
  // The plan is shared the way it was before membership: one secret, no log. Asha's device holds it
  // as a device that joined with an old invite link would (its list entry, written here).
  const { chair, asha, planId } = await chairWithPlan();
  await chair.page.getByRole('button', { name: 'Share', exact: true }).click();
  await chair.page.getByRole('dialog', { name: 'Share this plan with the core group' }).getByRole('button', { name: 'Done' }).click();
  const secret = await storedSecret(chair.page, planId);
  await asha.page.evaluate(
    async ([id, inviteSecret]) => {
      const entry = { id, familyName: '', childNames: [], profileId: '', division: 'england-and-wales', createdAt: '2026-11-30', inviteSecret };
      await (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({ [`plan/${id}`]: entry });
    },
    [planId, secret] as const,
  );
  await asha.page.goto(asha.page.url().replace(/#.*$/, '') + `#/plan/${planId}`);
  await asha.plan.expectOpen('Testington');

  // The chair's first invitation establishes membership: Asha's device is not in it, so it asks to
  // be confirmed, with a safety code, and the chair sees the request with the same code.
  await chair.sync.share();
  const waiting = asha.page.getByRole('status').filter({ hasText: 'Waiting for the chair to confirm this device.' });
  await expect(waiting).toBeVisible({ timeout: 30_000 });
  const code = (await asha.page.getByTestId('legacy-safety-code').textContent())!.trim();
  expect(code).toMatch(/^\d{3} \d{3}$/);
  await asha.page.setViewportSize(NARROWEST);
  await expectAccessibleView(asha.page, 'waiting to be confirmed');
  await asha.page.screenshot({ path: '.tmp/screens/membership-legacy-waiting-320.png' });
  const request = chair.sync.request(code);
  await expect(request).toContainText('Asha Patel, Riverside Primary, Designated safeguarding lead asks to be confirmed', { timeout: 30_000 });
  await request.getByRole('button', { name: 'Confirm Asha Patel' }).click();

  // Confirmed: the notice goes, and her edits reach the chair again.
  await expect(waiting).toHaveCount(0, { timeout: 30_000 });
  await asha.plan.addToDangerStatement('Asha, confirmed, writes this.');
  await chair.plan.goToSection('Strengthening Families');
  await expect(chair.plan.dangerStatement()).toHaveText('Asha, confirmed, writes this.', { timeout: 30_000 });
});

test('removing a saved version is signed: colleagues see who decided, and a removal no member signed can be put back', async () => {
  test.setTimeout(240_000);
  const { chair, asha, planId } = await chairWithPlan();
  const code = await asha.sync.askToJoin(await chair.sync.share());
  await chair.sync.admit(code);
  await asha.plan.expectOpen('Testington');

  // The chair saves two versions; one was saved by mistake and is removed, with a reason.
  const chairHistory = new HistoryPage(chair.page);
  const ashaHistory = new HistoryPage(asha.page);
  await chair.plan.goToSection('History');
  await chairHistory.saveVersion('Agreed at the core group');
  await chairHistory.saveVersion('Draft by mistake');
  await asha.plan.goToSection('History');
  await expect(ashaHistory.section.getByRole('button', { name: 'View Draft by mistake' })).toBeVisible({ timeout: 30_000 });
  await chairHistory.section.getByRole('button', { name: 'Remove Draft by mistake' }).click();
  await chairHistory.section.getByLabel('Why is this version being removed?').fill('Saved before the family had seen the plan');
  await chairHistory.section.getByRole('button', { name: 'Remove the version' }).click();
  const signedBySam = /Removed by Sam Sample \(Children’s Social Care\) on \d{1,2} \w+ \d{4}: “Saved before the family had seen the plan”\. Signed by their device\./;
  await expect(chairHistory.section.getByRole('list', { name: 'Removed versions' })).toContainText(signedBySam);

  // Asha's copy asks before it applies the removal; accepted, it names the member who signed it.
  const held = asha.page.getByRole('region', { name: 'A colleague’s copy removed a saved version of the plan' });
  await held.getByRole('button', { name: 'Accept' }).click({ timeout: 30_000 });
  const ashaRemoved = ashaHistory.section.getByRole('list', { name: 'Removed versions' });
  await expect(ashaRemoved).toContainText(signedBySam, { timeout: 30_000 });
  await expect(ashaRemoved.getByRole('button', { name: /^Put back/ })).toHaveCount(0);

  // A copy that does not sign (an older extension, or one changed by hand) removes the other
  // version, recording the chair's name: written straight into Asha's stored copy, then reopened.
  const asStored = await storedPlan(asha.page, planId);
  const vector = Y.encodeStateVector(asStored);
  const record = (asStored.getArray('versions').toArray() as Y.Map<unknown>[]).find((r) => r.get('name') === 'Agreed at the core group')!;
  asStored.transact(() => {
    record.set('removedBy', 'Sam Sample');
    record.set('removedAt', '2026-12-01');
    record.set('removedWhy', 'Not needed');
    record.set('deleted', true);
  });
  await appendStoredUpdate(asha.page, planId, Y.encodeStateAsUpdate(asStored, vector));
  await asha.page.reload();
  await asha.plan.expectOpen('Testington');

  // The chair's copy holds it and asks; accepted, it says no member signed it, and puts it back.
  await chair.page.getByRole('region', { name: 'A colleague’s copy removed a saved version of the plan' }).getByRole('button', { name: 'Accept' }).click({ timeout: 30_000 });
  const chairRemoved = chairHistory.section.getByRole('list', { name: 'Removed versions' });
  const unsigned = chairRemoved.getByRole('listitem').filter({ hasText: 'Agreed at the core group' });
  await expect(unsigned).toContainText('No member signed this removal');
  await expect(unsigned).toContainText('Removed by Sam Sample on 1 December 2026: “Not needed”');
  await chair.page.setViewportSize(NARROWEST);
  await expectAccessibleView(chair.page, 'history, a removal no member signed');
  await chair.page.screenshot({ path: '.tmp/screens/membership-unsigned-removal-320.png', fullPage: true });
  await unsigned.getByRole('button', { name: 'Put back “Agreed at the core group”' }).click();
  await expect(chairHistory.section.getByRole('button', { name: 'View Agreed at the core group' })).toBeFocused();
  await expect(chairRemoved.getByRole('listitem')).toHaveCount(1);
  // Asha's copy gets it back too.
  await expect(ashaHistory.section.getByRole('button', { name: 'View Agreed at the core group' })).toBeVisible({ timeout: 30_000 });
});
