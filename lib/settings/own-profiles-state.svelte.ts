/**
 * The member's own timescale profiles as reactive state, reloaded whenever any page saves or
 * removes one. Storage is asynchronous, so the list is loaded into $state; it is not CRDT data.
 */
import { createSubscriber } from 'svelte/reactivity';
import type { KeyValueArea } from '../platform/key-value-area.ts';
import type { Profile } from '../rules/deadlines/profiles/index.ts';
import { listOwnProfiles, touchesOwnProfiles } from './own-profiles.ts';

export class OwnProfilesState {
  #profiles = $state.raw<Profile[]>([]);
  #loaded = $state(false);
  #error = $state('');
  #subscribe;

  /** `initial`: the profiles when the caller has already read them (so the first render has them). */
  constructor(area: KeyValueArea, initial?: Profile[]) {
    if (initial) {
      this.#profiles = initial;
      this.#loaded = true;
    }
    const reload = () =>
      listOwnProfiles(area).then(
        (profiles) => {
          this.#profiles = profiles;
          this.#loaded = true;
          this.#error = '';
        },
        (error: unknown) => {
          this.#loaded = true;
          this.#error = `Your own timescale profiles could not be read from this device (${error instanceof Error ? error.message : String(error)}).`;
        },
      );
    this.#subscribe = createSubscriber(() => {
      void reload();
      return area.onChanged((changes) => {
        if (touchesOwnProfiles(changes)) void reload();
      });
    });
  }

  /** The profiles, by name (empty until loaded). */
  get current(): Profile[] {
    this.#subscribe();
    return this.#profiles;
  }

  get loaded(): boolean {
    this.#subscribe();
    return this.#loaded;
  }

  get error(): string {
    this.#subscribe();
    return this.#error;
  }
}
