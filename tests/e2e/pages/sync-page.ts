/** Page object: sharing, joining, connection settings, presence and the status line. */
import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures.ts';

export class SyncPage {
  constructor(readonly page: Page) {}

  /** Points this browser at a signaling server, through the settings form. */
  async useSignalingServer(url: string): Promise<void> {
    await this.page.goto(this.page.url().replace(/#.*$/, '') + '#/settings');
    await this.page.getByLabel('Signaling servers (one per line)').fill(url);
    await this.page.getByRole('button', { name: 'Save connection settings' }).click();
    await expect(this.page.getByText('Saved. Plans opened from now on use these servers.')).toBeVisible();
  }

  /** Points this browser at a relay, through the settings form; `relayOnly` turns WebRTC off. */
  async useRelay(url: string, relayOnly: boolean): Promise<void> {
    await this.page.goto(this.page.url().replace(/#.*$/, '') + '#/settings');
    await this.page.getByLabel('Relay address').fill(url);
    await this.page.getByRole('checkbox', { name: /Relay only/ }).setChecked(relayOnly);
    await this.page.getByRole('button', { name: 'Save connection settings' }).click();
    await expect(this.page.getByText('Saved. Plans opened from now on use these servers.')).toBeVisible();
  }

  get relayStatus() {
    return this.page.locator('.relay-status');
  }

  /** Waits until the relay has acknowledged every edit of this device. */
  async expectSentToRelay(): Promise<void> {
    await expect(this.relayStatus).toHaveText(/^· sent to the relay (just now|\d+ min ago)$/, { timeout: 30_000 });
  }

  /** Shares the open plan; returns the invite link shown. */
  async share(): Promise<string> {
    await this.page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Share this plan with the core group' });
    // No QR code: the dialog says where the link works (a phone cannot open it).
    await expect(dialog.getByRole('textbox', { name: 'Invite link' })).toHaveAccessibleDescription(/It does not open on a phone/);
    const link = await dialog.getByRole('textbox', { name: 'Invite link' }).inputValue();
    await expectNoAxeViolations(this.page, 'share dialog');
    await dialog.getByRole('button', { name: 'Done' }).click();
    return link;
  }

  async join(link: string): Promise<void> {
    await this.page.goto(this.page.url().replace(/#.*$/, '') + '#/');
    await this.page.getByRole('button', { name: 'Join a plan' }).click();
    // Something that is not an invite is explained, and nothing is joined.
    await this.page.getByLabel('Invite link').fill('https://example.org/not-an-invite');
    await this.page.getByRole('button', { name: 'Join plan' }).click();
    await expect(this.page.getByRole('alert')).toContainText('That is not a plan invite.');
    await expectNoAxeViolations(this.page, 'join form with an error');
    await this.page.getByLabel('Invite link').fill(link);
    await this.page.getByRole('button', { name: 'Join plan' }).click();
  }

  get peerStatus() {
    return this.page.locator('.peer-status');
  }

  async expectOnlineWith(colleagues: number): Promise<void> {
    await expect(this.peerStatus).toHaveText(`· Online with ${colleagues} ${colleagues === 1 ? 'colleague' : 'colleagues'}`, { timeout: 30_000 });
  }
}

/** Records RTCPeerConnections so a test can cut them (a network drop without a real network). */
export const TRACK_PEER_CONNECTIONS = `(() => {
  const Original = window.RTCPeerConnection;
  if (!Original || window.__peerConnections) return;
  window.__peerConnections = [];
  window.RTCPeerConnection = function (...args) {
    const pc = new Original(...args);
    window.__peerConnections.push(pc);
    return pc;
  };
  window.RTCPeerConnection.prototype = Original.prototype;
  Object.setPrototypeOf(window.RTCPeerConnection, Original);
})();`;

export async function cutPeerConnections(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const pc of (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections) pc.close();
  });
}
