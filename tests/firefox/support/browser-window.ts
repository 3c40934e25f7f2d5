/**
 * The browser window itself (chrome://browser/content/browser.xhtml), reached through Marionette's
 * chrome context, which Firefox allows only when started with `-remote-allow-system-access`
 * (firefox.ts does). Script there sees the browser's own globals (SidebarController, Services),
 * not a page's.
 *
 * Not WebDriver BiDi's `moz:scope: 'chrome'`: Firefox 140 ESR (Debian's firefox-esr) has no chrome
 * scope in BiDi at all (its `browsingContext.getTree` takes only `maxDepth` and `root` and lists
 * tabs), so the window is not reachable that way there. Marionette's chrome context reaches it in
 * 140 and in every later Firefox.
 */
import type { MarionetteConnection } from './marionette.ts';

const BROWSER_XHTML = 'chrome://browser/content/browser.xhtml';

/** What a chrome call can take: plain values (the window has no page nodes to refer to). */
export type ChromeArg = string | number | boolean | null;

export class BrowserWindow {
  private constructor(private readonly marionette: MarionetteConnection) {}

  /** Switches the session's Marionette side to chrome and checks it is in the browser window. */
  static async open(marionette: MarionetteConnection): Promise<BrowserWindow> {
    await marionette.send('Marionette:SetContext', { value: 'chrome' });
    const window = new BrowserWindow(marionette);
    const url = await window.call(() => location.href);
    if (url !== BROWSER_XHTML) throw new Error(`Marionette's chrome context is ${url}, not the browser window ${BROWSER_XHTML}`);
    return window;
  }

  /**
   * Runs `fn` in the browser window with `args` and returns its awaited result, JSON-cloned
   * (`undefined` comes back as null). `fn` is sent as source text, so it must not close over
   * anything from the test; its exceptions become errors with its message and stack.
   */
  async call<T>(fn: (...args: never[]) => T | Promise<T>, ...args: ChromeArg[]): Promise<T> {
    const script = `
      const done = arguments[arguments.length - 1];
      const args = Array.prototype.slice.call(arguments, 0, -1);
      Promise.resolve()
        .then(() => (${fn.toString()})(...args))
        .then((value) => done({ value }), (error) => done({ error: String(error) + '\\n' + (error && error.stack || '') }));`;
    const { value: answer } = await this.marionette.send<{ value: { value?: T; error?: string } }>('WebDriver:ExecuteAsyncScript', { script, args });
    if (answer.error !== undefined) throw new Error(`in the browser window: ${answer.error}`);
    return answer.value as T;
  }
}
