import { afterEach, describe, expect, it, vi } from 'vitest';
import { askForChecksOnPlanChanges } from '../../../lib/services/ask-for-checks.ts';

afterEach(() => vi.useRealTimers());

const PLAN = 'a'.repeat(32);
const OTHER = 'b'.repeat(32);

/** A page: its address, whether it is hidden, and the plan's local channel (posts are changes). */
function fakePage(start: string) {
  const win = Object.assign(new EventTarget(), { location: { href: start }, document: Object.assign(new EventTarget(), { visibilityState: 'visible' }) });
  const channels = new Map<string, EventTarget>();
  const createChannel = (name: string) => {
    const channel = Object.assign(new EventTarget(), { name, close() { channels.delete(name); } });
    channels.set(name, channel);
    return channel as unknown as BroadcastChannel;
  };
  return {
    win: win as unknown as Window,
    createChannel,
    edit: (planId: string) => channels.get(`plan:${planId}`)?.dispatchEvent(new MessageEvent('message', { data: { kind: 'update', from: 'x', update: new Uint8Array([1]) } })),
    go(url: string) {
      const oldURL = win.location.href;
      win.location.href = url;
      win.dispatchEvent(Object.assign(new Event('hashchange'), { oldURL, newURL: url }));
    },
    hide() {
      win.document.visibilityState = 'hidden';
      win.document.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

function setUp() {
  vi.useFakeTimers();
  const page = fakePage(`chrome-extension://x/sidepanel.html#/plan/${PLAN}/family`);
  const request = vi.fn(async () => {});
  askForChecksOnPlanChanges({ request, onRequest: () => () => {} }, page.win, { delayMs: 3000, createChannel: page.createChannel });
  return { page, request };
}

describe('askForChecksOnPlanChanges', () => {
  it('asks a while after the open plan changes, once per burst', () => {
    const { page, request } = setUp();
    page.edit(PLAN);
    vi.advanceTimersByTime(1000);
    page.edit(PLAN);
    expect(request).not.toHaveBeenCalled();
    vi.advanceTimersByTime(3000);
    expect(request).toHaveBeenCalledOnce();
  });

  it('asks nothing when a plan that was only looked at is left, or the panel closed', () => {
    const { page, request } = setUp();
    page.go(`chrome-extension://x/sidepanel.html#/plan/${OTHER}/family`);
    page.go('chrome-extension://x/sidepanel.html#/');
    page.hide();
    vi.advanceTimersByTime(10_000);
    expect(request).not.toHaveBeenCalled();
  });

  it('asks at once, and only once, when a plan changed moments ago is left', () => {
    const { page, request } = setUp();
    page.edit(PLAN);
    vi.advanceTimersByTime(1000);
    page.go('chrome-extension://x/sidepanel.html#/');
    expect(request).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(10_000);
    expect(request).toHaveBeenCalledOnce();
  });

  it('asks at once when the panel is closed with a change not yet counted, not again after', () => {
    const { page, request } = setUp();
    page.edit(PLAN);
    vi.advanceTimersByTime(4000);
    expect(request).toHaveBeenCalledOnce();
    page.hide();
    expect(request).toHaveBeenCalledOnce(); // counted already
    page.edit(PLAN);
    page.hide();
    expect(request).toHaveBeenCalledTimes(2);
  });
});
