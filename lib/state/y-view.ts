/**
 * The bridge from Yjs to Svelte 5. `yView(type, read)` gives a value whose `current` re-reads the
 * document whenever `type` (or anything inside it) changes, while some effect or template reads it.
 * It observes only while read and unobserves when nobody reads (Svelte's createSubscriber), so
 * components never copy CRDT data into $state: the Y.Doc stays the only source of truth.
 */
import * as Y from 'yjs';
import { createSubscriber } from 'svelte/reactivity';

export interface View<T> {
  readonly current: T;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Y type: Map, Array, XmlFragment…
type AnyYType = Y.AbstractType<any>;

export function yView<T>(types: AnyYType | AnyYType[], read: () => T): View<T> {
  const list = Array.isArray(types) ? types : [types];
  const subscribe = createSubscriber((update) => {
    const onChange = () => update();
    for (const type of list) type.observeDeep(onChange);
    return () => {
      for (const type of list) type.unobserveDeep(onChange);
    };
  });
  return {
    get current() {
      subscribe();
      return read();
    },
  };
}
