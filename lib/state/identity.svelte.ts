/** The member's declared identity as reactive state, reloaded when any page saves it. */
import { createSubscriber } from 'svelte/reactivity';
import { EMPTY_IDENTITY, loadIdentity, type Identity } from '../settings/identity.ts';
import type { KeyValueArea } from '../platform/key-value-area.ts';

export class IdentityState {
  #identity = $state<Identity>(EMPTY_IDENTITY);
  #loaded = $state(false);
  #subscribe;

  constructor(area: KeyValueArea) {
    const reload = () =>
      loadIdentity(area).then((identity) => {
        this.#identity = identity;
        this.#loaded = true;
      });
    this.#subscribe = createSubscriber(() => {
      void reload();
      return area.onChanged((changes) => {
        if ('identity' in changes) void reload();
      });
    });
  }

  get current(): Identity {
    this.#subscribe();
    return this.#identity;
  }

  get loaded(): boolean {
    this.#subscribe();
    return this.#loaded;
  }
}
