/** Commands and reads for the children a plan is for. */
import * as Y from 'yjs';
import { planRoots } from './roots.ts';
import { COMMAND_ORIGIN } from './origin.ts';
import { createRecord, findRecord, liveRecords, text } from './records.ts';
import type { Child, NewChild } from './types.ts';

const CHILD_FIELDS = ['name', 'dob', 'edd', 'school', 'gp'] as const;
export type ChildField = (typeof CHILD_FIELDS)[number];

/** The plan's children, in order, without removed ones. */
export function readChildren(doc: Y.Doc): Child[] {
  return liveRecords(planRoots(doc).children).map((record) => ({
    id: text(record, 'id'),
    name: text(record, 'name'),
    dob: text(record, 'dob'),
    edd: text(record, 'edd'),
    school: text(record, 'school'),
    gp: text(record, 'gp'),
  }));
}

/** Adds a child at the end of the list; returns the new child's id. */
export function addChild(doc: Y.Doc, args: NewChild): string {
  const record = createRecord({ name: args.name.trim(), dob: args.dob ?? '', edd: args.edd ?? '', school: '', gp: '' });
  doc.transact(() => planRoots(doc).children.push([record]), COMMAND_ORIGIN);
  return record.get('id') as string;
}

/** Sets one field of a child. Unknown child ids are ignored: a peer may have removed it. */
export function setChildField(doc: Y.Doc, args: { id: string; field: ChildField; value: string }): void {
  if (!CHILD_FIELDS.includes(args.field)) throw new RangeError(`setChildField: unknown field "${args.field}"`);
  doc.transact(() => findRecord(planRoots(doc).children, args.id)?.set(args.field, args.value), COMMAND_ORIGIN);
}

/** Removes a child by tombstone, so outcomes or scores that name the child keep a valid reference. */
export function removeChild(doc: Y.Doc, args: { id: string }): void {
  doc.transact(() => findRecord(planRoots(doc).children, args.id)?.set('deleted', true), COMMAND_ORIGIN);
}
