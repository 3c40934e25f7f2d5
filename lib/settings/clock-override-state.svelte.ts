/** The pretend date ("Pretend today is") as reactive state, reloaded whenever any page sets or clears it. */
import { createSubscriber } from 'svelte/reactivity';
import type { KeyValueArea } from '../platform/key-value-area.ts';
import { loadClockOverride, touchesClockOverride } from './clock-override.ts';

export class ClockOverrideState {
  #date = $state<string | undefined>(undefined);
  #loaded = $state(false);
  #subscribe;

  constructor(area: KeyValueArea) {
    const reload = () =>
      loadClockOverride(area).then((date) => {
        this.#date = date;
        this.#loaded = true;
      });
    this.#subscribe = createSubscriber(() => {
      void reload();
      return area.onChanged((changes) => {
        if (touchesClockOverride(changes)) void reload();
      });
    });
  }

  /** The pretend date, or undefined when the real date is in use. */
  get current(): string | undefined {
    this.#subscribe();
    return this.#date;
  }

  get loaded(): boolean {
    this.#subscribe();
    return this.#loaded;
  }
}
