/**
 * The browser window itself (browser.xhtml) as a BiDi browsing context in `moz:scope: 'chrome'`,
 * which Firefox lists only when started with `-remote-allow-system-access` (firefox.ts does).
 * Script there sees the browser's own globals (SidebarController, Services), not a page's.
 */
import type { BidiConnection } from './bidi.ts';
import type { Arg } from './remote-value.ts';
import { callIn } from './script.ts';

export async function browserWindow(bidi: BidiConnection): Promise<string> {
  const { contexts } = await bidi.send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', {
    'moz:scope': 'chrome',
    maxDepth: 0,
  });
  const window = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error(`no browser window among ${contexts.map((c) => c.url).join(', ')}`);
  return window.context;
}

/** Runs `fn` in the browser window's script (see script.ts for how `fn` travels). */
export async function callInBrowserWindow<T>(bidi: BidiConnection, fn: (...args: never[]) => T | Promise<T>, ...args: Arg[]): Promise<T> {
  return callIn(bidi, await browserWindow(bidi), fn, ...args);
}
