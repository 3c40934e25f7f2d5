import { describe, expect, it, vi } from 'vitest';
import { clearClipboardLater, forgetSecretInLocation } from '../../../lib/sync/invite-hygiene.ts';

const SECRET = 'A'.repeat(43);

function fakeWindow(href: string) {
  const location = { href, hash: href.slice(href.indexOf('#')) };
  const history = { state: { n: 1 }, replaceState: vi.fn((_s: unknown, _t: string, url: string) => { location.href = url; location.hash = url.slice(url.indexOf('#')); }) };
  return { location, history } as unknown as Pick<Window, 'location' | 'history'>;
}

describe('forgetSecretInLocation', () => {
  it('replaces the join link in the address and the history entry with #/join', () => {
    const win = fakeWindow(`chrome-extension://id/sidepanel.html#/join/${SECRET}`);
    forgetSecretInLocation(win);
    expect(win.location.href).toBe('chrome-extension://id/sidepanel.html#/join');
    expect(win.location.href).not.toContain(SECRET);
  });

  it('leaves any other address alone', () => {
    const win = fakeWindow('chrome-extension://id/sidepanel.html#/plan/x');
    forgetSecretInLocation(win);
    expect(win.history.replaceState).not.toHaveBeenCalled();
  });
});

describe('clearClipboardLater', () => {
  const run = async (clipboard: { readText: () => Promise<string>; writeText: (t: string) => Promise<void> }) => {
    let fire = () => {};
    clearClipboardLater(clipboard, 'link', 1000, { set: ((fn: () => void) => ((fire = fn), 1)) as never, clear: (() => {}) as never });
    fire();
    await new Promise((r) => setTimeout(r, 0));
  };

  it('empties the clipboard when it still holds the link', async () => {
    const writeText = vi.fn(async () => {});
    await run({ readText: async () => 'link', writeText });
    expect(writeText).toHaveBeenCalledWith('');
  });

  it('leaves something the member copied since', async () => {
    const writeText = vi.fn(async () => {});
    await run({ readText: async () => 'minutes of the meeting', writeText });
    expect(writeText).not.toHaveBeenCalled();
  });

  it('empties it where the page may not read the clipboard, and never throws where it may not write', async () => {
    const writeText = vi.fn(async () => { throw new Error('not allowed'); });
    await run({ readText: async () => { throw new Error('not allowed'); }, writeText });
    expect(writeText).toHaveBeenCalledWith('');
  });
});
