/**
 * A record type as data: its fields with their kinds and defaults. From a spec come the typed
 * read (plain object, defaults for anything a peer has not sent) and the typed commands (add,
 * update one field, remove by tombstone, reorder), so every record type behaves the same way.
 *
 * Order: records carry a numeric `order` key and are shown sorted by it. Moving a record sets its
 * key between its new neighbours, so two members reordering at once never duplicate or lose a
 * record (deleting and re-inserting a Y.Map would drop edits made to it concurrently).
 */
import * as Y from 'yjs';
import { COMMAND_ORIGIN } from './origin.ts';
import { createRecord, findRecord } from './records.ts';

export type FieldKind = 'string' | 'boolean' | 'number';
type KindValue<K extends FieldKind> = K extends 'string' ? string : K extends 'boolean' ? boolean : number;

export type FieldsSpec = Record<string, FieldKind>;
export type RecordValue<F extends FieldsSpec> = { id: string; order: number } & { [K in keyof F]: KindValue<F[K]> };

const DEFAULTS: { [K in FieldKind]: KindValue<K> } = { string: '', boolean: false, number: 0 };

export interface RecordType<F extends FieldsSpec> {
  readonly name: string;
  readonly fields: F;
  /** Rich-text fields each record holds as its own Y.XmlFragment, created with the record. */
  readonly richText: readonly string[];
  /** Lists of child records each record holds as its own Y.Array, created with the record. */
  readonly lists: readonly string[];
  /** A plain value of a record; missing or mistyped fields read as their defaults. */
  read(record: Y.Map<unknown>): RecordValue<F>;
  /** The live records of `list` in display order. */
  readAll(list: Y.Array<Y.Map<unknown>>): RecordValue<F>[];
  /** The live Y.Maps of `list` in display order. */
  liveMaps(list: Y.Array<Y.Map<unknown>>): Y.Map<unknown>[];
  /** Appends a record; returns its id. */
  add(doc: Y.Doc, list: Y.Array<Y.Map<unknown>>, values?: Partial<{ [K in keyof F]: KindValue<F[K]> }>): string;
  /** Sets one field. A record a peer has removed is ignored; a wrong field or kind throws. */
  set<K extends keyof F & string>(doc: Y.Doc, list: Y.Array<Y.Map<unknown>>, id: string, field: K, value: KindValue<F[K]>): void;
  /** Removes by tombstone; `restore` undoes it. */
  remove(doc: Y.Doc, list: Y.Array<Y.Map<unknown>>, id: string): void;
  restore(doc: Y.Doc, list: Y.Array<Y.Map<unknown>>, id: string): void;
  /** Moves a live record to position `to` (0-based) among the live records. */
  move(doc: Y.Doc, list: Y.Array<Y.Map<unknown>>, id: string, to: number): void;
  /** The Y.XmlFragment of a record's rich-text field. */
  fragment(record: Y.Map<unknown>, field: string): Y.XmlFragment;
  /** The Y.Array of a record's nested list (e.g. an outcome's actions). */
  list(record: Y.Map<unknown>, field: string): Y.Array<Y.Map<unknown>>;
  /**
   * The nested list for reading, or null when the record lacks it (a record written before the
   * list was added to its type, or by an odd peer): display code shows nothing instead of failing.
   */
  listIfPresent(record: Y.Map<unknown>, field: string): Y.Array<Y.Map<unknown>> | null;
}

export interface RecordShape {
  richText?: readonly string[];
  lists?: readonly string[];
}

/**
 * Defines a record type. Nested containers (rich text, lists) are created with the record by the
 * member who adds it, never later, so two peers can never race to create the same container.
 */
export function defineRecord<F extends FieldsSpec>(name: string, fields: F, shape: RecordShape = {}): RecordType<F> {
  const richText = shape.richText ?? [];
  const lists = shape.lists ?? [];
  const orderOf = (m: Y.Map<unknown>) => (typeof m.get('order') === 'number' ? (m.get('order') as number) : 0);
  const liveMaps = (list: Y.Array<Y.Map<unknown>>) =>
    list
      .toArray()
      .filter((m) => m.get('deleted') !== true)
      .sort((a, b) => orderOf(a) - orderOf(b) || String(a.get('id')).localeCompare(String(b.get('id'))));

  const read = (record: Y.Map<unknown>): RecordValue<F> => {
    const out: Record<string, unknown> = { id: String(record.get('id') ?? ''), order: orderOf(record) };
    for (const [field, kind] of Object.entries(fields)) {
      const value = record.get(field);
      out[field] = typeof value === kind ? value : DEFAULTS[kind];
    }
    return out as RecordValue<F>;
  };

  const check = (field: string, value: unknown) => {
    const kind = fields[field];
    if (!kind) throw new RangeError(`${name}: unknown field "${field}"`);
    if (typeof value !== kind || (kind === 'number' && !Number.isFinite(value))) {
      throw new RangeError(`${name}.${field} must be a ${kind}`);
    }
  };

  return {
    name,
    fields,
    richText,
    lists,
    read,
    liveMaps,
    readAll: (list) => liveMaps(list).map(read),
    add(doc, list, values = {}) {
      const initial: Record<string, unknown> = {};
      for (const [field, kind] of Object.entries(fields)) {
        const value = (values as Record<string, unknown>)[field] ?? DEFAULTS[kind];
        check(field, value);
        initial[field] = value;
      }
      const live = liveMaps(list);
      const last = live[live.length - 1];
      initial.order = last ? orderOf(last) + 1 : 1;
      for (const field of richText) initial[field] = new Y.XmlFragment();
      for (const field of lists) initial[field] = new Y.Array();
      const record = createRecord(initial);
      doc.transact(() => list.push([record]), COMMAND_ORIGIN);
      return record.get('id') as string;
    },
    set(doc, list, id, field, value) {
      check(field, value);
      doc.transact(() => findRecord(list, id)?.set(field, value), COMMAND_ORIGIN);
    },
    remove(doc, list, id) {
      doc.transact(() => findRecord(list, id)?.set('deleted', true), COMMAND_ORIGIN);
    },
    restore(doc, list, id) {
      doc.transact(() => findRecord(list, id)?.delete('deleted'), COMMAND_ORIGIN);
    },
    move(doc, list, id, to) {
      const others = liveMaps(list).filter((m) => m.get('id') !== id);
      const record = findRecord(list, id);
      if (!record) return;
      const index = Math.max(0, Math.min(to, others.length));
      const before = others[index - 1];
      const after = others[index];
      const order =
        before && after ? (orderOf(before) + orderOf(after)) / 2 : before ? orderOf(before) + 1 : after ? orderOf(after) - 1 : 1;
      doc.transact(() => record.set('order', order), COMMAND_ORIGIN);
    },
    fragment(record, field) {
      if (!richText.includes(field)) throw new RangeError(`${name}: "${field}" is not a rich-text field`);
      const fragment = record.get(field);
      if (!(fragment instanceof Y.XmlFragment)) throw new RangeError(`${name}: record has no "${field}" text`);
      return fragment;
    },
    listIfPresent(record, field) {
      if (!lists.includes(field)) throw new RangeError(`${name}: "${field}" is not a nested list`);
      const list = record.get(field);
      return list instanceof Y.Array ? (list as Y.Array<Y.Map<unknown>>) : null;
    },
    list(record, field) {
      if (!lists.includes(field)) throw new RangeError(`${name}: "${field}" is not a nested list`);
      const list = record.get(field);
      if (!(list instanceof Y.Array)) throw new RangeError(`${name}: record has no "${field}" list`);
      return list as Y.Array<Y.Map<unknown>>;
    },
  };
}
