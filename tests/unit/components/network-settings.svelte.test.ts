/**
 * The connection settings with an organisation's policy: a managed server list is shown, read-only,
 * saying where it came from, while the member's own setting stays editable; an ignored value is
 * explained. (The policy reaching the page from Chromium: tests/e2e/managed-policy.spec.ts.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { createServices } from '../../../lib/services/services.ts';
import { readManagedPolicy } from '../../../lib/settings/managed.ts';
import { loadNetworkSettings, saveNetworkSettings } from '../../../lib/settings/network.ts';
import { memoryArea } from '../helpers/memory-area.ts';
import NetworkSettingsHarness from './NetworkSettingsHarness.svelte';

let shown: ReturnType<typeof mount> | undefined;
afterEach(() => {
  if (shown) unmount(shown);
  shown = undefined;
  document.body.innerHTML = '';
});

async function render(policyValues: Record<string, unknown>, policyRead?: Promise<void>) {
  const area = memoryArea();
  await saveNetworkSettings(area, { signaling: ['wss://mine.example.org'], iceServers: [{ urls: 'stun:mine.example.org' }], relay: 'wss://mine.example.org/relay', relayOnly: false });
  const services = createServices({
    area,
    clock: { now: () => new Date(2026, 10, 22), after: () => () => {} },
    pages: { url: (hash) => `chrome-extension://x/plan.html${hash}`, open: async () => {} },
    recheck: { request: async () => {}, onRequest: () => () => {} },
    managed: policyRead ? policyRead.then(() => readManagedPolicy(policyValues, ['national'])) : readManagedPolicy(policyValues, ['national']),
  });
  shown = mount(NetworkSettingsHarness, { target: document.body, props: { services } });
  await vi.waitFor(() => {
    flushSync();
    expect(document.querySelector('#network-signaling')).not.toBeNull();
  });
  const field = (id: string) => document.querySelector<HTMLTextAreaElement>(id)!;
  const relay = document.querySelector<HTMLInputElement>('#network-relay')!;
  const relayOnly = document.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
  return { area, signaling: field('#network-signaling'), ice: field('#network-ice'), relay, relayOnly };
}

describe('NetworkSettings with an organisation’s policy', () => {
  it('waits for a policy that answers late, saying so, then shows the managed value as the organisation’s', async () => {
    let answer!: () => void;
    const late = new Promise<void>((resolve) => (answer = resolve));
    const rendering = render({ signaling: ['wss://signal.council.example.gov.uk'] }, late);
    await vi.waitFor(() => {
      flushSync();
      expect(document.querySelector('[role="status"]')?.textContent).toBe('Checking your organisation’s settings…');
    });
    // Never the member's own value in the meantime, to be saved over the organisation's.
    expect(document.querySelector('#network-signaling')).toBeNull();
    answer();
    const { signaling } = await rendering;
    expect(signaling.value).toBe('wss://signal.council.example.gov.uk');
    expect(signaling.readOnly).toBe(true);
  });

  it('shows the managed servers read-only, saying who set them, and leaves the rest editable', async () => {
    const { signaling, ice } = await render({ signaling: ['wss://signal.council.example.gov.uk'] });
    expect(signaling.value).toBe('wss://signal.council.example.gov.uk');
    expect(signaling.readOnly).toBe(true);
    const note = document.getElementById(signaling.getAttribute('aria-describedby')!);
    expect(note?.textContent).toBe('Set by your organisation. You cannot change it here: ask your IT team if it is wrong.');
    expect(ice.value).toBe('stun:mine.example.org');
    expect(ice.readOnly).toBe(false);
    expect(ice.getAttribute('aria-describedby')).toBeNull();
    expect(document.querySelector('button[type="submit"]')).not.toBeNull();
  });

  it('shows the managed relay and “relay only” read-only, and saving keeps the member’s own under them', async () => {
    const { area, signaling, relay, relayOnly } = await render({ relay: 'wss://relay.council.example.gov.uk/relay', relayOnly: true });
    expect(relay.value).toBe('wss://relay.council.example.gov.uk/relay');
    expect(relay.readOnly).toBe(true);
    expect(document.getElementById('network-relay-managed')?.textContent).toMatch(/^Set by your organisation\./);
    expect(relay.getAttribute('aria-describedby')).toBe('network-relay-hint network-relay-managed');
    expect([relayOnly.checked, relayOnly.disabled]).toEqual([true, true]);
    expect(relayOnly.getAttribute('aria-describedby')).toBe('network-relay-only-managed');
    expect(document.getElementById('network-relay-only-managed')).not.toBeNull();
    expect(signaling.readOnly).toBe(false);
    signaling.value = 'wss://new.example.org';
    signaling.dispatchEvent(new Event('input', { bubbles: true }));
    document.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await vi.waitFor(async () => {
      flushSync();
      expect(document.body.textContent).toContain('Saved. Plans opened from now on use these servers.');
    });
    expect(await loadNetworkSettings(area)).toEqual({ signaling: ['wss://new.example.org'], iceServers: [{ urls: 'stun:mine.example.org' }], relay: 'wss://mine.example.org/relay', relayOnly: false });
  });

  it('with every server managed, offers nothing to save', async () => {
    const everything = { signaling: ['wss://s.example.org'], iceServers: [{ urls: 'stun:s.example.org' }], relay: 'wss://s.example.org/relay' };
    const some = await render(everything);
    expect([some.signaling.readOnly, some.ice.readOnly, some.relay.readOnly, some.relayOnly.disabled]).toEqual([true, true, true, false]);
    expect(document.querySelector('button[type="submit"]')).not.toBeNull();
    unmount(shown!);
    const all = await render({ ...everything, relayOnly: false });
    expect(all.relayOnly.disabled).toBe(true);
    expect(document.querySelector('button[type="submit"]')).toBeNull();
  });

  it('explains an ignored value and keeps the member’s own', async () => {
    const { signaling } = await render({ signaling: ['https://not-a-socket.example.org'] });
    expect(signaling.value).toBe('wss://mine.example.org');
    expect(signaling.readOnly).toBe(false);
    expect(document.body.textContent).toContain('Your organisation’s signaling servers setting was ignored, because the value “https://not-a-socket.example.org” is not a signaling address');
  });
});
