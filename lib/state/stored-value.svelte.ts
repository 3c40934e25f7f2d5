/**
 * A value kept in a key-value area (extension storage: not CRDT data) as reactive state: loaded
 * into $state, reloaded whenever any page or the background changes what it is read from. It
 * listens to storage only while some effect or template reads it (Svelte's createSubscriber),
 * like the Yjs views. The source validates what is stored (lib/platform/stored-source.ts).
 */
import { createSubscriber } from 'svelte/reactivity';
import type { KeyValueArea } from '../platform/key-value-area.ts';
import type { StoredSource } from '../platform/stored-source.ts';

export interface StoredValue<T> {
  /** The value as last read (`initial` until the first read completes). */
  readonly current: T;
  /** True once a read has completed (or failed: then `error` says why). */
  readonly loaded: boolean;
  /** Why the last read failed, in words for the page; '' when it did not. */
  readonly error: string;
  /** Reads the value now (at start, so the first render has it); resolves when done, never rejects. */
  load(): Promise<void>;
}

export interface StoredValueOptions<T> {
  /** The value before the first read. */
  initial: T;
  /** What the value is, for the message when storage cannot be read: "The list of plans". */
  what: string;
}

export function createStoredValue<T>(area: KeyValueArea, source: StoredSource<T>, options: StoredValueOptions<T>): StoredValue<T> {
  let value = $state.raw(options.initial);
  let loaded = $state(false);
  let error = $state('');
  // Only the latest read lands: an older one finishing late must not replace a newer value.
  let reads = 0;
  const load = () => {
    const read = ++reads;
    return source.read(area).then(
      (next) => {
        if (read !== reads) return;
        value = next;
        loaded = true;
        error = '';
      },
      (failure: unknown) => {
        if (read !== reads) return;
        loaded = true;
        error = `${options.what} could not be read from this device (${failure instanceof Error ? failure.message : String(failure)}).`;
      },
    );
  };
  const subscribe = createSubscriber(() => {
    void load();
    return area.onChanged((changes) => {
      if (source.touches(changes)) void load();
    });
  });
  return {
    get current() {
      subscribe();
      return value;
    },
    get loaded() {
      subscribe();
      return loaded;
    },
    get error() {
      subscribe();
      return error;
    },
    load,
  };
}
