import { describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import { browserRecheckRequests } from '../../../lib/platform/badge-refresh.ts';

/** runtime messaging with no other context listening: a page never receives its own messages. */
function aloneRuntime() {
  const listeners = new Set<(message: unknown) => void>();
  const api = {
    runtime: {
      sendMessage: async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
      onMessage: { addListener: (l: (m: unknown) => void) => void listeners.add(l), removeListener: (l: (m: unknown) => void) => void listeners.delete(l) },
    },
  } as unknown as typeof browser;
  return { api, listeners };
}

describe('browserRecheckRequests', () => {
  it('reaches its own listeners too (Firefox’s background page asking itself after a pull), and never rejects', async () => {
    const { api, listeners } = aloneRuntime();
    const requests = browserRecheckRequests(api);
    let heard = 0;
    const stop = requests.onRequest(() => heard++);
    await requests.request();
    expect(heard).toBe(1);
    stop();
    expect(listeners.size).toBe(0);
    await requests.request();
    expect(heard).toBe(1);
  });
});
