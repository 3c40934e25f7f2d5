/**
 * What an app page's entry point does: starts the services and mounts App. The section a plan's
 * address names starts loading at once, beside the services (it is a chunk of its own, and a
 * large plan's first screen waits for it to paint before the plan loads).
 */
import { mount } from 'svelte';
import App from './App.svelte';
import { startServices } from '../lib/services/start-services.ts';
import { parseRoute } from '../lib/state/route.ts';
import { sectionFor } from './sections/registry.ts';

export function startApp(layout: 'panel' | 'tab', win: Window = window): void {
  const route = parseRoute(win.location.hash);
  if (route.view === 'plan') void sectionFor(route.section).load().catch(() => {}); // loaded again, and reported, where it is shown
  startServices(win).then(
    (services) => mount(App, { target: win.document.getElementById('app')!, props: { services, layout } }),
    (error: unknown) => console.error('The app could not start', error),
  );
}
