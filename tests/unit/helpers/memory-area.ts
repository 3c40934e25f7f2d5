/** An in-memory KeyValueArea with the same change events as browser.storage.local. */
import type { AreaChanges, KeyValueArea } from '../../../lib/platform/key-value-area.ts';

export function memoryArea(): KeyValueArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const listeners = new Set<(changes: AreaChanges) => void>();
  const emit = (changes: AreaChanges) => listeners.forEach((l) => l(changes));
  const clone = <T>(v: T): T => structuredClone(v);
  return {
    data,
    async get(keys) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of data) if (keys === null || keys.includes(k)) out[k] = clone(v);
      return out;
    },
    async set(items) {
      const changes: AreaChanges = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data.get(k), newValue: clone(v) };
        data.set(k, clone(v));
      }
      emit(changes);
    },
    async remove(keys) {
      const changes: AreaChanges = {};
      for (const k of keys) if (data.has(k)) {
        changes[k] = { oldValue: data.get(k) };
        data.delete(k);
      }
      emit(changes);
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
