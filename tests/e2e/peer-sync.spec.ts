/**
 * Journey: two members on two machines (two Chromium profiles) share a plan through the real
 * signaling server: join by invite, edit live both ways, see each other present, lose the
 * connection, both edit offline, reconnect, and end with identical plans. The server is shown
 * nothing readable: no family or child name, no secret.
 */
import { test, expect } from '@playwright/test';
import { TRACK_PEER_CONNECTIONS, cutPeerConnections } from './pages/sync-page.ts';
import { openMember, twoMachinesEachTest } from './support/member.ts';

const machines = twoMachinesEachTest((browser) => browser.context.addInitScript(TRACK_PEER_CONNECTIONS));


test('two members share a plan, edit live, go offline, edit, reconnect and converge', async () => {
  test.setTimeout(150_000);
  const a = await openMember(machines.alice, { name: 'Sam Sample', agency: 'Children’s Social Care' }, machines.server.url);
  const b = await openMember(machines.bob, { name: 'Jo Example', agency: 'Health' }, machines.server.url);

  await a.list.goto();
  await a.list.createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }]);
  await a.plan.expectOpen('Testington');
  const link = await a.sync.share();
  expect(link).toMatch(/#\/join\/[A-Za-z0-9_-]{43}$/);
  const secret = link.split('/join/')[1]!;

  await b.sync.join(link, a.sync);
  await b.plan.expectOpen('Testington');
  await a.sync.expectOnlineWith(1);
  await b.sync.expectOnlineWith(1);

  // Presence: each sees the other, by name and agency.
  await a.page.getByText(/Here now: 2/).click();
  await expect(a.page.getByRole('list', { name: 'Members with this plan open' })).toContainText('Jo Example');
  await expect(a.page.getByRole('list', { name: 'Members with this plan open' })).toContainText('Health');

  // Live both ways.
  await a.plan.goToSection('Strengthening Families');
  await b.plan.goToSection('Strengthening Families');
  await a.plan.dangerStatement().click();
  await a.page.keyboard.type('Ava is frightened when the adults argue.');
  await expect(b.plan.dangerStatement()).toHaveText('Ava is frightened when the adults argue.');
  await b.plan.dangerStatement().click();
  await b.page.keyboard.press('Control+End');
  await b.page.keyboard.type(' Health visitor agrees.');
  await expect(a.plan.dangerStatement()).toHaveText('Ava is frightened when the adults argue. Health visitor agrees.');
  await a.page.screenshot({ path: '.tmp/screens/sync-online.png', fullPage: true });

  // The network goes: the server stops and the peer connections drop.
  await machines.server.stop();
  await Promise.all([cutPeerConnections(a.page), cutPeerConnections(b.page)]);
  await expect(a.sync.peerStatus).toContainText('Offline', { timeout: 30_000 });
  await expect(b.sync.peerStatus).toContainText('Offline', { timeout: 30_000 });

  // Both keep working.
  await a.plan.dangerStatement().click();
  await a.page.keyboard.press('Control+End');
  await a.page.keyboard.type(' Written offline by Sam.');
  await b.plan.goToSection('Family and children');
  await b.page.getByLabel('Address').fill('3 Offline Road, Sampletown');
  await expect(b.plan.saveStatus).toHaveText('Saved on this device');
  await expect(a.page.getByText('Written offline by Sam.')).toBeVisible();

  // Back online: they find each other again and converge, nothing lost.
  await machines.server.start();
  await a.sync.expectOnlineWith(1);
  await b.sync.expectOnlineWith(1);
  await expect(b.page.getByLabel('Address')).toHaveValue('3 Offline Road, Sampletown');
  await b.plan.goToSection('Strengthening Families');
  const expected = 'Ava is frightened when the adults argue. Health visitor agrees. Written offline by Sam.';
  await expect(b.plan.dangerStatement()).toHaveText(expected);
  await a.plan.goToSection('Family and children');
  await expect(a.page.getByLabel('Address')).toHaveValue('3 Offline Road, Sampletown');

  // And after reconnecting, edits flow both ways again (y-webrtc's one-way-after-reconnect bug).
  await a.page.getByLabel('Address').fill('4 Reconnected Lane');
  await b.plan.goToSection('Family and children');
  // Live again within the anti-entropy interval at worst (lib/sync/peer-sync.ts).
  await expect(b.page.getByLabel('Address')).toHaveValue('4 Reconnected Lane', { timeout: 20_000 });
  await b.page.getByLabel('Address').fill('5 Both Ways Street');
  await expect(a.page.getByLabel('Address')).toHaveValue('5 Both Ways Street', { timeout: 20_000 });

  // Present to each other again after the reconnect (the rebuilt connection used to drop this
  // page's own presence for good: peer-sync.ts).
  await expect(a.page.getByText('Here now: 2')).toBeVisible();
  await expect(b.page.getByText('Here now: 2')).toBeVisible();
  // A colleague who closes the plan is gone from "Here now" at once, not after y-protocols' 30 s
  // timeout (their page's last "leaving" message cannot be signed in time: guarded-webrtc.ts).
  await b.page.close();
  await expect(a.page.getByText(/^Here now:/)).toHaveCount(0, { timeout: 10_000 });
  await expect(a.page.getByRole('status').filter({ hasText: 'A colleague left the plan.' })).toHaveCount(1);

  // Confidentiality: the server saw frames, but nothing readable. Routing fields (type, topic)
  // are checked as text; the encrypted payloads are decoded and checked as bytes (names are long
  // enough that a chance match in ciphertext is negligible; a 3-letter one like "Ava" is not).
  expect(machines.server.frames.length).toBeGreaterThan(4);
  const routing: string[] = [];
  const payloads: Buffer[] = [];
  for (const frame of machines.server.frames) {
    const message = JSON.parse(frame) as Record<string, unknown>;
    for (const [key, value] of Object.entries(message)) {
      if (key === 'data' && typeof value === 'string') payloads.push(Buffer.from(value, 'base64'));
      else routing.push(JSON.stringify(value));
    }
  }
  const routingText = routing.join('\n');
  const payloadBytes = Buffer.concat(payloads);
  for (const secretThing of ['Testington', 'Sam Sample', 'Jo Example', 'frightened', secret, a.plan.planId()]) {
    expect(routingText, `the signaling server saw “${secretThing}”`).not.toContain(secretThing);
    expect(payloadBytes.includes(Buffer.from(secretThing)), `a payload carried “${secretThing}” in clear`).toBe(false);
  }
  expect(routingText).not.toContain('Ava');
  // Every payload is y-webrtc's AES-GCM envelope, not JSON in clear.
  for (const payload of payloads) expect(payload.subarray(1, 8).toString()).toBe('AES-GCM');
});
