/** Mounts the app into a page (the side panel or the full-width tab). Entry points call only this. */
import { mount } from 'svelte';
import App from '../../components/App.svelte';
import '../../components/app.css';
import { browserLocalArea } from '../platform/key-value-area.ts';
import { requestPersistentStorage } from '../platform/persist-storage.ts';
import { profileOptions } from './profile-options.ts';

export function startApp(target: HTMLElement, layout: 'panel' | 'tab'): void {
  void requestPersistentStorage().catch(() => {});
  mount(App, { target, props: { area: browserLocalArea(), layout, profiles: profileOptions() } });
}
