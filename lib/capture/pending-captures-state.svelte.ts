/**
 * The waiting captures as reactive state, reloaded whenever the background stores one or any page
 * clears one. Storage is asynchronous and not CRDT data, so the list is loaded into $state.
 */
import { createSubscriber } from 'svelte/reactivity';
import type { KeyValueArea } from '../platform/key-value-area.ts';
import { listPendingCaptures, touchesCaptures, type PendingCapture } from './pending-capture.ts';

export class PendingCaptures {
  #captures = $state.raw<PendingCapture[]>([]);
  #error = $state('');
  #subscribe;

  constructor(area: KeyValueArea) {
    const reload = () =>
      listPendingCaptures(area).then(
        (captures) => {
          this.#captures = captures;
          this.#error = '';
        },
        (error: unknown) => {
          this.#error = `Text kept for adding to a plan could not be read (${error instanceof Error ? error.message : String(error)}).`;
        },
      );
    this.#subscribe = createSubscriber(() => {
      void reload();
      return area.onChanged((changes) => {
        if (touchesCaptures(changes)) void reload();
      });
    });
  }

  /** Waiting captures, oldest first (empty while loading). */
  get current(): PendingCapture[] {
    this.#subscribe();
    return this.#captures;
  }

  get error(): string {
    this.#subscribe();
    return this.#error;
  }
}
