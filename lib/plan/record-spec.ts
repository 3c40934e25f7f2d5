/**
 * A record type as data: its fields with their kinds and defaults, and its identity in the app
 * (what it is called, which plan section shows it, which element ids show it and its fields). From
 * a spec come the typed read (plain object, defaults for anything a peer has not sent) and the
 * typed commands (add, update one field, remove by tombstone, reorder), so every record type
 * behaves the same way, and checks, chair mode, history and print ask the spec, never a string.
 *
 * Order: records carry a numeric `order` key and are shown sorted by it. Moving a record sets its
 * key between its new neighbours, so two members reordering at once never duplicate or lose a
 * record (deleting and re-inserting a Y.Map would drop edits made to it concurrently).
 */
import * as Y from 'yjs';
import type { SectionId } from '../state/route.ts';
import { COMMAND_ORIGIN } from './origin.ts';
import { createRecord, findRecord, restoreRecords } from './records.ts';

/** `bytes`: a Uint8Array (a named version's encoded state). */
export type FieldKind = 'string' | 'boolean' | 'number' | 'bytes';
type KindValue<K extends FieldKind> = K extends 'string' ? string : K extends 'boolean' ? boolean : K extends 'number' ? number : Uint8Array;

export type FieldsSpec = Record<string, FieldKind>;
export type RecordValue<F extends FieldsSpec> = { id: string; order: number } & { [K in keyof F]: KindValue<F[K]> };

const DEFAULTS: { [K in Exclude<FieldKind, 'bytes'>]: KindValue<K> } = { string: '', boolean: false, number: 0 };
const defaultOf = (kind: FieldKind): unknown => (kind === 'bytes' ? new Uint8Array(0) : DEFAULTS[kind]);
const isKind = (kind: FieldKind, value: unknown): boolean =>
  kind === 'bytes' ? value instanceof Uint8Array : typeof value === kind && (kind !== 'number' || Number.isFinite(value));

/**
 * Who a record is in the app: its name for people, where it is shown and edited, and the element
 * ids that show it. Element ids are `<elementPrefix>-<record id>` for the record and
 * `<elementPrefix>-<record id>-<suffix>` for one of its fields (the suffix is the field's name
 * unless `fieldIds` says otherwise). Components give their elements these ids through the spec
 * (`elementId`), and the checks point at fields through it, so neither spells an id by hand.
 */
export interface RecordIdentity {
  /** What one record is called in the plan, e.g. "Outcome". */
  readonly label: string;
  /** The plan section that shows records of this kind (one of route.ts's SECTION_IDS, e.g. 'outcomes'). */
  readonly section: SectionId;
  readonly elementPrefix: string;
  /** The visible label of each field a member edits (and of nested lists), by field name. */
  readonly fieldLabels?: Readonly<Record<string, string>>;
  /** Element-id suffixes that differ from the field's name (`dueDate` → 'due'). */
  readonly fieldIds?: Readonly<Record<string, string>>;
  /** The element that starts a new record of this kind (its form's first field, or its Add button). */
  readonly addElementId?: string;
}

export interface RecordType<F extends FieldsSpec> {
  readonly name: string;
  readonly fields: F;
  /** What one record is called in the plan (RecordIdentity). */
  readonly label: string;
  /** The plan section that shows it (one of route.ts's SECTION_IDS). */
  readonly section: SectionId;
  /** The visible labels of the fields a member edits, by field name (RecordIdentity). */
  readonly fieldLabels: Readonly<Record<string, string>>;
  /** The element id that shows record `id`, or one of its fields (see RecordIdentity). */
  elementId(id: string, field?: string): string;
  /** The element that starts a new record of this kind, when one is on the page ('' otherwise). */
  readonly addElementId: string;
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
  /** Sets several fields in one transaction; a wrong field or kind throws before anything is written. */
  update(doc: Y.Doc, list: Y.Array<Y.Map<unknown>>, id: string, values: Partial<{ [K in keyof F]: KindValue<F[K]> }>): void;
  /**
   * Creates the nested lists record `id` lacks (one written before a list was added to its type).
   * Only for a record its holder is about to use as a whole (the chair starting a booked meeting):
   * two peers doing it at once would race, as roots.ts explains.
   */
  addMissingLists(doc: Y.Doc, list: Y.Array<Y.Map<unknown>>, id: string): void;
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

export interface RecordShape extends RecordIdentity {
  richText?: readonly string[];
  lists?: readonly string[];
}

/**
 * Defines a record type. Nested containers (rich text, lists) are created with the record by the
 * member who adds it, never later, so two peers can never race to create the same container.
 */
export function defineRecord<F extends FieldsSpec>(name: string, fields: F, shape: RecordShape): RecordType<F> {
  const fieldLabels = shape.fieldLabels ?? {};
  const fieldIds = shape.fieldIds ?? {};
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
      out[field] = isKind(kind, value) ? value : defaultOf(kind);
    }
    return out as RecordValue<F>;
  };

  const check = (field: string, value: unknown) => {
    const kind = fields[field];
    if (!kind) throw new RangeError(`${name}: unknown field "${field}"`);
    if (!isKind(kind, value)) {
      throw new RangeError(`${name}.${field} must be a ${kind}`);
    }
  };

  return {
    name,
    fields,
    label: shape.label,
    section: shape.section,
    fieldLabels,
    addElementId: shape.addElementId ?? '',
    elementId: (id, field) =>
      field === undefined ? `${shape.elementPrefix}-${id}` : `${shape.elementPrefix}-${id}-${fieldIds[field] ?? field}`,
    richText,
    lists,
    read,
    liveMaps,
    readAll: (list) => liveMaps(list).map(read),
    add(doc, list, values = {}) {
      const initial: Record<string, unknown> = {};
      for (const [field, kind] of Object.entries(fields)) {
        const value = (values as Record<string, unknown>)[field] ?? defaultOf(kind);
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
    update(doc, list, id, values) {
      const entries = Object.entries(values).filter(([, value]) => value !== undefined);
      for (const [field, value] of entries) check(field, value);
      doc.transact(() => {
        const record = findRecord(list, id);
        for (const [field, value] of entries) record?.set(field, value);
      }, COMMAND_ORIGIN);
    },
    addMissingLists(doc, list, id) {
      const record = findRecord(list, id);
      if (!record) return;
      const missing = lists.filter((field) => !(record.get(field) instanceof Y.Array));
      if (missing.length > 0) doc.transact(() => missing.forEach((field) => record.set(field, new Y.Array())), COMMAND_ORIGIN);
    },
    remove(doc, list, id) {
      doc.transact(() => findRecord(list, id)?.set('deleted', true), COMMAND_ORIGIN);
    },
    restore(doc, list, id) {
      const record = findRecord(list, id);
      if (record) restoreRecords(doc, [record]);
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
