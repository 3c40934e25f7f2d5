/**
 * What a value kept in a key-value area is read from: which changes touch it, and how to read it.
 * Stored data is untrusted input (another version of the extension, a hand-edited profile, a
 * corrupted write), so every source validates what it reads: a value that fails is dropped or
 * replaced by the default, never passed on as if it were good.
 */
import type { AreaChanges, KeyValueArea } from './key-value-area.ts';

export interface StoredSource<T> {
  /** True when a storage change touches what this source reads. */
  touches(changes: AreaChanges): boolean;
  /** Reads and validates the value. Rejects only when storage itself cannot be read. */
  read(area: KeyValueArea): Promise<T>;
}

/** One key: `parse` turns whatever is stored there (`undefined` when nothing is) into a valid value. */
export function storedKey<T>(key: string, parse: (stored: unknown) => T): StoredSource<T> {
  return {
    touches: (changes) => key in changes,
    read: async (area) => parse((await area.get([key]))[key]),
  };
}

/**
 * Every key starting with `prefix` (one record per key, so two pages saving different records
 * never overwrite each other): the entries `valid` accepts, in `order`.
 */
export function storedPrefix<T>(
  prefix: string,
  valid: (stored: unknown, key: string) => stored is T,
  order: (a: T, b: T) => number,
): StoredSource<T[]> {
  return {
    touches: (changes) => Object.keys(changes).some((key) => key.startsWith(prefix)),
    async read(area) {
      const all = await area.get(null);
      return Object.entries(all)
        .filter(([key, value]) => key.startsWith(prefix) && valid(value, key))
        .map(([, value]) => value as T)
        .sort(order);
    },
  };
}
