import { describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import { relayAreaToOffscreen, relayedArea, relayedManagedStorage } from '../../../lib/platform/relayed-area.ts';
import type { AreaChanges } from '../../../lib/platform/key-value-area.ts';
import { memoryArea } from '../helpers/memory-area.ts';

type Listener = (message: unknown, sender: unknown, respond: (reply: unknown) => void) => unknown;

/**
 * runtime messaging between two contexts of one extension: a message reaches every listener of the
 * other context (never its sender's own), and the first listener that returns true answers it.
 */
function twoContexts() {
  const listeners = { worker: new Set<Listener>(), offscreen: new Set<Listener>() };
  const api = (self: 'worker' | 'offscreen') => {
    const other = self === 'worker' ? 'offscreen' : 'worker';
    return {
      runtime: {
        sendMessage: (message: unknown) =>
          new Promise((resolve, reject) => {
            const receivers = [...listeners[other]];
            if (receivers.length === 0) return reject(new Error('Receiving end does not exist.'));
            let answering = false;
            for (const listener of receivers) if (listener(structuredClone(message), {}, resolve) === true) answering = true;
            if (!answering) resolve(undefined);
          }),
        onMessage: {
          addListener: (listener: Listener) => void listeners[self].add(listener),
          removeListener: (listener: Listener) => void listeners[self].delete(listener),
        },
      },
    } as unknown as typeof browser;
  };
  return { worker: api('worker'), offscreen: api('offscreen'), listeners };
}

const keys = { reads: (key: string) => key === 'network' || key.startsWith('plan/'), writes: (key: string) => key.startsWith('plan/') };

describe('relayed area', () => {
  it('reads through the service worker only the keys it may, hears only their changes, and writes only the keys it may', async () => {
    const area = memoryArea();
    await area.set({ 'plan/a': { id: 'a' }, network: { signaling: [] }, identity: { name: 'Sam Sample' } });
    const contexts = twoContexts();
    const stop = relayAreaToOffscreen(area, keys, contexts.worker);
    const relayed = relayedArea(contexts.offscreen);

    expect(await relayed.get(null)).toEqual({ 'plan/a': { id: 'a' }, network: { signaling: [] } });
    expect(await relayed.get(['identity', 'plan/a'])).toEqual({ 'plan/a': { id: 'a' } });

    const heard: AreaChanges[] = [];
    relayed.onChanged((changes) => heard.push(changes));
    await area.set({ identity: { name: 'Jo Example' } });
    await area.set({ 'plan/b': { id: 'b' } });
    await area.remove(['plan/a']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heard).toEqual([{ 'plan/b': { newValue: { id: 'b' } } }, { 'plan/a': { oldValue: { id: 'a' } } }]);

    await relayed.set({ 'plan/c': { id: 'c' } });
    expect(area.data.get('plan/c')).toEqual({ id: 'c' });
    await expect(relayed.set({ 'plan/d': {}, network: { signaling: ['wss://elsewhere.example.org'] } })).rejects.toThrow('not the offscreen document’s to write');
    expect(area.data.has('plan/d')).toBe(false);
    expect(area.data.get('network')).toEqual({ signaling: [] });
    await expect(relayed.remove(['plan/b'])).rejects.toThrow('does not remove');
    stop();
    expect(contexts.listeners.worker.size).toBe(0);
  });

  it('reads the organisation’s managed settings through the service worker, and none when it cannot', async () => {
    const contexts = twoContexts();
    const policy = { relay: 'wss://relay.council.example', relayOnly: true };
    const stop = relayAreaToOffscreen(memoryArea(), keys, contexts.worker, { read: async () => policy });
    expect(await relayedManagedStorage(contexts.offscreen).read()).toEqual(policy);
    stop();
    expect(await relayedManagedStorage(contexts.offscreen).read()).toEqual({});
  });
});
