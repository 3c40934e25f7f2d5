import { describe, expect, it, vi } from 'vitest';
import { CAPTURE_MENU, handleCaptureClick, registerCaptureMenu } from '../../../lib/capture/capture-click.ts';
import { listPendingCaptures } from '../../../lib/capture/pending-capture.ts';
import type { ContextMenus, MenuClickInfo, MenuTab } from '../../../lib/platform/context-menu.ts';
import { memoryArea } from '../helpers/memory-area.ts';

const click = (info: Partial<MenuClickInfo> = {}): MenuClickInfo => ({
  menuItemId: CAPTURE_MENU.id,
  selectionText: 'Ava said she was frightened when Dad shouted.',
  pageUrl: 'http://127.0.0.1/case/4471',
  ...info,
});

function deps(order: string[] = []) {
  const area = memoryArea();
  const stored = area.set.bind(area);
  area.set = async (items) => {
    order.push('store');
    await stored(items);
  };
  return {
    area,
    openPanel: vi.fn(async (_windowId: number | undefined) => void order.push('open panel')),
    now: () => 1_760_000_000_000,
    newId: () => 'c1',
    onError: vi.fn(),
  };
}

describe('handleCaptureClick', () => {
  it('stores the selection with the page’s address and title, and opens the side panel', async () => {
    const d = deps();
    await handleCaptureClick(click(), { id: 3, windowId: 7, title: 'Case note – Testington' }, d);
    expect(d.openPanel).toHaveBeenCalledWith(7);
    expect(await listPendingCaptures(d.area)).toEqual([
      { id: 'c1', text: 'Ava said she was frightened when Dad shouted.', pageUrl: 'http://127.0.0.1/case/4471', pageTitle: 'Case note – Testington', capturedAt: 1_760_000_000_000 },
    ]);
  });

  it('opens the panel before it waits for anything, while the click still counts as a user gesture', async () => {
    const order: string[] = [];
    const d = deps(order);
    const pending = handleCaptureClick(click(), { windowId: 7 }, d);
    // Called synchronously, in the same turn as the click, and before the capture is stored.
    expect(d.openPanel).toHaveBeenCalledOnce();
    expect(order[0]).toBe('open panel');
    await pending;
    expect(order).toEqual(['open panel', 'store']);
  });

  it('keeps the capture without a title when the browser does not share it', async () => {
    const d = deps();
    const tabWithoutTitle: MenuTab = { id: 3, windowId: 7 };
    await handleCaptureClick(click(), tabWithoutTitle, d);
    expect((await listPendingCaptures(d.area))[0]?.pageTitle).toBe('');
  });

  it('still keeps the capture when the panel cannot open, and reports why', async () => {
    const d = deps();
    d.openPanel.mockRejectedValueOnce(new Error('may only be called in response to a user gesture'));
    await handleCaptureClick(click(), { windowId: 7 }, d);
    expect(d.onError).toHaveBeenCalledWith('Could not open the side panel', expect.any(Error));
    expect(await listPendingCaptures(d.area)).toHaveLength(1);
  });

  it.each([
    ['another menu item', { menuItemId: 'something-else' }],
    ['no selection', { selectionText: undefined }],
    ['only spaces selected', { selectionText: '   ' }],
  ])('ignores a click with %s', async (_name, info) => {
    const d = deps();
    await handleCaptureClick(click(info), { windowId: 7 }, d);
    expect(d.openPanel).not.toHaveBeenCalled();
    expect(await listPendingCaptures(d.area)).toEqual([]);
  });

  it('never overwrites an earlier capture still waiting', async () => {
    const d = deps();
    let n = 0;
    const more = { ...d, newId: () => `c${++n}`, now: () => 1000 + n };
    await handleCaptureClick(click({ selectionText: 'first' }), { windowId: 1 }, more);
    await handleCaptureClick(click({ selectionText: 'second' }), { windowId: 1 }, more);
    expect((await listPendingCaptures(d.area)).map((c) => c.text)).toEqual(['first', 'second']);
  });
});

describe('registerCaptureMenu', () => {
  it('registers "Add to plan…" on selected text, with no name in its title', () => {
    const register = vi.fn();
    const menus: ContextMenus = { register, openPanel: async () => {} };
    registerCaptureMenu({ area: memoryArea(), menus });
    expect(register).toHaveBeenCalledWith({ id: 'add-to-plan', title: 'Add to plan…', contexts: ['selection'] }, expect.any(Function));
  });

  it('stores a capture when the registered handler is clicked', async () => {
    const area = memoryArea();
    let handler: ((info: MenuClickInfo, tab: MenuTab | undefined) => void) | undefined;
    const menus: ContextMenus = { register: (_item, onClick) => void (handler = onClick), openPanel: async () => {} };
    registerCaptureMenu({ area, menus });
    handler!(click(), { windowId: 2 });
    await vi.waitFor(async () => expect(await listPendingCaptures(area)).toHaveLength(1));
  });
});
