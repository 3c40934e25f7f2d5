/**
 * A reactive view over any source with a change subscription (the save state, storage changes):
 * `current` re-reads while some effect reads it, and the subscription lives only as long.
 */
import { createSubscriber } from 'svelte/reactivity';
import type { View } from './y-view.ts';

export function sourceView<T>(listen: (changed: () => void) => () => void, read: () => T): View<T> {
  const subscribe = createSubscriber((update) => listen(update));
  return {
    get current() {
      subscribe();
      return read();
    },
  };
}
