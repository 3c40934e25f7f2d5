/**
 * What changed between two readings of a plan (plan-snapshot.ts): short fields changed, records
 * added, removed or changed in each list (matched by id, so a renamed record reads as changed, not
 * as one removed and another added), and each rich text marked word by word (word-diff.ts).
 * Only what changed is listed.
 */
import { diffWords, type DiffPart } from './word-diff.ts';
import type { Entry, PlanSnapshot, RecordSnapshot } from './plan-snapshot.ts';

export interface ValueChange {
  label: string;
  before: string;
  after: string;
}

export interface TextChange {
  label: string;
  parts: DiffPart[];
}

export interface RecordChange {
  label: string;
  fields: ValueChange[];
  texts: TextChange[];
}

export interface ListChanges {
  key: string;
  title: string;
  added: string[];
  removed: string[];
  changed: RecordChange[];
}

export interface PlanComparison {
  fields: ValueChange[];
  texts: TextChange[];
  /** Only lists with a change, in the order the plan reads. */
  lists: ListChanges[];
}

/** The changes from `before` to `after`. */
export function compareSnapshots(before: PlanSnapshot, after: PlanSnapshot): PlanComparison {
  const lists: ListChanges[] = [];
  for (const list of after.lists) {
    const earlier = before.lists.find((l) => l.key === list.key)?.records ?? [];
    const changes = compareRecords(earlier, list.records);
    if (changes.added.length + changes.removed.length + changes.changed.length > 0) lists.push({ key: list.key, title: list.title, ...changes });
  }
  return { fields: changedValues(before.fields, after.fields), texts: changedTexts(before.texts, after.texts), lists };
}

/** True when nothing changed. */
export function isUnchanged(comparison: PlanComparison): boolean {
  return comparison.fields.length === 0 && comparison.texts.length === 0 && comparison.lists.length === 0;
}

function compareRecords(before: RecordSnapshot[], after: RecordSnapshot[]): Omit<ListChanges, 'key' | 'title'> {
  const earlier = new Map(before.map((r) => [r.id, r]));
  const later = new Set(after.map((r) => r.id));
  const changed: RecordChange[] = [];
  for (const record of after) {
    const old = earlier.get(record.id);
    if (!old) continue;
    const fields = changedValues(old.fields, record.fields);
    const texts = changedTexts(old.texts, record.texts);
    if (fields.length + texts.length > 0) changed.push({ label: record.label, fields, texts });
  }
  return {
    added: after.filter((r) => !earlier.has(r.id)).map((r) => r.label),
    removed: before.filter((r) => !later.has(r.id)).map((r) => r.label),
    changed,
  };
}

function changedValues(before: Entry[], after: Entry[]): ValueChange[] {
  const old = new Map(before.map((e) => [e.key, e.value]));
  return after
    .filter((e) => (old.get(e.key) ?? '') !== e.value)
    .map((e) => ({ label: e.label, before: old.get(e.key) ?? '', after: e.value }));
}

function changedTexts(before: Entry[], after: Entry[]): TextChange[] {
  const old = new Map(before.map((e) => [e.key, e.value]));
  return after
    .filter((e) => (old.get(e.key) ?? '') !== e.value)
    .map((e) => ({ label: e.label, parts: diffWords(old.get(e.key) ?? '', e.value) }));
}
