/**
 * Records: a Y.Map with a stable random `id`, kept in a Y.Array. Deleting a record that something
 * else may refer to (a child, a member) sets `deleted: true` (a tombstone) instead of removing it,
 * so a reference made concurrently on another peer never dangles.
 */
import * as Y from 'yjs';
import { COMMAND_ORIGIN } from './origin.ts';

/** A random, URL-safe record id (128 bits). */
export function newId(random: Crypto = globalThis.crypto): string {
  const bytes = random.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A new record (not yet in any document) holding `fields` and a fresh id. */
export function createRecord(fields: Record<string, unknown>, id = newId()): Y.Map<unknown> {
  const record = new Y.Map<unknown>();
  record.set('id', id);
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) record.set(key, value);
  }
  return record;
}

/** The record with `id` in `list`, or undefined. Tombstoned records are found too. */
export function findRecord(list: Y.Array<Y.Map<unknown>>, id: string): Y.Map<unknown> | undefined {
  for (const record of list) if (record.get('id') === id) return record;
  return undefined;
}

/** The position of the record with `id` in `list`, or -1. */
export function indexOfRecord(list: Y.Array<Y.Map<unknown>>, id: string): number {
  let index = 0;
  for (const record of list) {
    if (record.get('id') === id) return index;
    index++;
  }
  return -1;
}

/** The records of `list` that are not tombstoned. */
export function liveRecords(list: Y.Array<Y.Map<unknown>>): Y.Map<unknown>[] {
  return list.toArray().filter((record) => record.get('deleted') !== true);
}

/** Takes the tombstone off each of `records` in one local command (record-spec.ts's `restore`). */
export function restoreRecords(doc: Y.Doc, records: readonly Y.Map<unknown>[]): void {
  if (records.length > 0) doc.transact(() => records.forEach((record) => record.delete('deleted')), COMMAND_ORIGIN);
}

/** A string field of a record, '' when absent or not a string. */
export function text(record: Y.Map<unknown>, key: string): string {
  const value = record.get(key);
  return typeof value === 'string' ? value : '';
}
