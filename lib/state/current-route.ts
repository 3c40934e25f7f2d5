/** The current route as a reactive value, following the window's hash. */
import { parseRoute, routeHash, type Route } from './route.ts';
import { sourceView } from './source-view.ts';
import type { View } from './y-view.ts';

export function currentRoute(win: Window = globalThis.window): View<Route> {
  return sourceView(
    (changed) => {
      win.addEventListener('hashchange', changed);
      return () => win.removeEventListener('hashchange', changed);
    },
    () => parseRoute(win.location.hash),
  );
}

export function navigate(route: Route, win: Window = globalThis.window): void {
  win.location.hash = routeHash(route);
}
