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

  /**
   * Shares the open plan: makes a single-use invitation in the Share dialog and returns its link.
   * The first invitation of a plan establishes its membership (this member the chair).
   */
  async share(): Promise<string> {
    await this.page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Share this plan with the core group' });
    await dialog.getByRole('button', { name: /^Invite (a|another) member$/ }).click();
    // No QR code: the dialog says where the link works (a phone cannot open it).
    await expect(dialog.getByRole('textbox', { name: 'Invite link' })).toHaveAccessibleDescription(/It does not open on a phone/);
    const link = await dialog.getByRole('textbox', { name: 'Invite link' }).inputValue();
    await expectNoAxeViolations(this.page, 'share dialog');
    await dialog.getByRole('button', { name: 'Done' }).click();
    return link;
  }

  /**
   * Asks to join with an invitation link (after checking that something else is refused); returns
   * the safety code this device shows while it waits.
   */
  async askToJoin(link: string): Promise<string> {
    await this.page.goto(this.page.url().replace(/#.*$/, '') + '#/');
    await this.page.getByRole('button', { name: 'Join a plan' }).click();
    // Something that is not an invite is explained, and nothing is joined.
    await this.page.getByLabel('Invite link').fill('https://example.org/not-an-invite');
    await this.page.getByRole('button', { name: 'Join plan' }).click();
    await expect(this.page.getByRole('alert')).toContainText('That is not a plan invite.');
    await expectNoAxeViolations(this.page, 'join form with an error');
    await this.page.getByLabel('Invite link').fill(link);
    await this.page.getByRole('button', { name: 'Join plan' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Asking to join' })).toBeVisible();
    const code = (await this.mySafetyCode.textContent())!.trim();
    expect(code).toMatch(/^\d{3} \d{3}$/);
    return code;
  }

  get mySafetyCode() {
    return this.page.getByTestId('my-safety-code');
  }

  /** The request to join showing `code`, in the open plan of the member who invited. */
  request(code: string) {
    return this.page.getByRole('group', { name: /^Request from / }).filter({ hasText: code });
  }

  /** The inviter admits the request whose safety code is `code` (read to them by the joiner). */
  async admit(code: string): Promise<void> {
    const request = this.request(code);
    await expect(request).toBeVisible({ timeout: 30_000 });
    await request.getByRole('button', { name: /^Admit / }).click();
    await expect(this.page.getByRole('status').filter({ hasText: /is now a member/ })).toBeVisible();
  }

  /**
   * Joins with `link`: asks, and `inviter` (with the plan open) checks the safety code and admits;
   * this page then opens the plan.
   */
  async join(link: string, inviter: SyncPage): Promise<void> {
    const code = await this.askToJoin(link);
    await inviter.admit(code);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Asking to join' })).toHaveCount(0, { timeout: 30_000 });
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
