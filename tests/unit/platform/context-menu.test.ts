import { describe, expect, it, vi } from 'vitest';
import { browserContextMenus, type ContextMenuApi, type MenuClickInfo, type MenuTab } from '../../../lib/platform/context-menu.ts';
import { CAPTURE_MENU } from '../../../lib/capture/capture-click.ts';

function fakeApi(kind: 'chrome' | 'firefox' = 'chrome') {
  const installed: (() => void)[] = [];
  const clicked: ((info: MenuClickInfo, tab?: MenuTab) => void)[] = [];
  const api = {
    contextMenus: {
      create: vi.fn((_props: unknown, callback?: () => void) => callback?.()),
      remove: vi.fn(async (_id: string) => {
        throw new Error('Cannot find menu item');
      }),
      onClicked: { addListener: (l: (info: MenuClickInfo, tab?: MenuTab) => void) => void clicked.push(l) },
    },
    runtime: { onInstalled: { addListener: (l: () => void) => void installed.push(l) }, lastError: null },
    sidePanel: kind === 'chrome' ? { open: vi.fn(async (_o: { windowId: number }) => {}) } : undefined,
    sidebarAction: kind === 'firefox' ? { open: vi.fn(async () => {}) } : undefined,
  } satisfies ContextMenuApi;
  return { api, installed, clicked };
}

describe('browserContextMenus', () => {
  it('creates the item when the extension is installed or updated, not on every start', async () => {
    const { api, installed } = fakeApi();
    browserContextMenus(api).register(CAPTURE_MENU, () => {});
    expect(api.contextMenus.create).not.toHaveBeenCalled();
    installed.forEach((l) => l());
    await vi.waitFor(() => expect(api.contextMenus.create).toHaveBeenCalledOnce());
    expect(api.contextMenus.remove).toHaveBeenCalledWith('add-to-plan');
    const [props] = api.contextMenus.create.mock.calls[0]!;
    expect(props).toEqual({ id: 'add-to-plan', title: 'Add to plan…', contexts: ['selection'] });
  });

  it('gives a menu title with no family or child name in it', () => {
    // The menu shows on every page; the title is fixed words.
    expect(CAPTURE_MENU.title).toBe('Add to plan…');
  });

  it('passes clicks on its own item to the handler, and no others', () => {
    const { api, clicked } = fakeApi();
    const onClick = vi.fn();
    browserContextMenus(api).register(CAPTURE_MENU, onClick);
    clicked.forEach((l) => l({ menuItemId: 'someone-else' }, { windowId: 1 }));
    clicked.forEach((l) => l({ menuItemId: 'add-to-plan', selectionText: 'x' }, { windowId: 1 }));
    expect(onClick).toHaveBeenCalledOnce();
    expect(onClick).toHaveBeenCalledWith({ menuItemId: 'add-to-plan', selectionText: 'x' }, { windowId: 1 });
  });

  it('opens Chrome’s side panel in the window clicked in, synchronously', () => {
    const { api } = fakeApi('chrome');
    void browserContextMenus(api).openPanel(9);
    expect(api.sidePanel!.open).toHaveBeenCalledWith({ windowId: 9 });
  });

  it('refuses to open Chrome’s side panel without a window', async () => {
    const { api } = fakeApi('chrome');
    await expect(browserContextMenus(api).openPanel(undefined)).rejects.toThrow(/window/);
  });

  it('opens Firefox’s sidebar', async () => {
    const { api } = fakeApi('firefox');
    await browserContextMenus(api).openPanel(undefined);
    expect(api.sidebarAction!.open).toHaveBeenCalled();
  });
});
