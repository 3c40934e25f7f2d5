/**
 * The errors Firefox's Browser Console holds for the extension's pages: uncaught exceptions,
 * unhandled rejections and CSP violations from any moz-extension://<uuid>/ page, the background
 * script and the sidebar included. Read from the browser's console service, because Firefox 153's
 * BiDi `log.entryAdded` reports nothing from extension pages (it does from web pages).
 * `console.error` calls made by the pages themselves stay in the extension process and are not
 * seen here.
 *
 * Left out: Firefox's own note that an extension API call settled after the page that made it had
 * gone ("Promise rejected after context unloaded", ExtensionCommon.wrapPromise). A page leaving a
 * plan asks the background for a deadline re-check (lib/platform/badge-refresh.ts, which catches
 * the failure); when the leaving is a reload, the answer arrives after the page is gone, and
 * Firefox logs that itself, since no page is left to hand it to. Nothing failed.
 */
import type { BrowserWindow } from './browser-window.ts';

export function extensionErrors(browserWindow: BrowserWindow, uuid: string): Promise<string[]> {
  return browserWindow.call(
    (prefix: string) => {
      type ScriptError = { sourceName: string; lineNumber: number; errorMessage: string; logLevel: number };
      const { Services, Ci } = globalThis as unknown as {
        Services: { console: { getMessageArray(): object[] } };
        Ci: { nsIScriptError: new () => ScriptError; nsIConsoleMessage: { error: number } };
      };
      return Services.console
        .getMessageArray()
        .filter((m): m is ScriptError => m instanceof Ci.nsIScriptError)
        .filter((m) => m.logLevel === Ci.nsIConsoleMessage.error && m.sourceName.startsWith(prefix))
        .filter((m) => !/^Promise (resolved|rejected) after context unloaded/.test(m.errorMessage))
        .map((m) => `${m.sourceName}:${m.lineNumber} ${m.errorMessage}`);
    },
    `moz-extension://${uuid}/`,
  );
}
