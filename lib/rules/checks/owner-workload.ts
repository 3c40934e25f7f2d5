/**
 * The realistic-workload check: an owner with many open actions due in the same ISO week is
 * probably over-committed, and something will slip (seed 001: "realistic strategies and specific
 * actions … with timescales"). The open actions are indexed once by owner and week, so checking a
 * plan of hundreds of actions stays linear.
 */
import { isActionOpen, readId, readRecord, readText } from './check-inputs.ts';
import type { Finding } from './findings.ts';
import { describeDate } from '../../dates/date-words.ts';
import { isoWeekStart } from '../../dates/iso-date.ts';

interface IndexedAction {
  id: string | undefined;
  record: unknown;
}

/** Open actions grouped by owner and ISO week; key from `workloadKey`. */
export type WorkloadIndex = ReadonlyMap<string, readonly IndexedAction[]>;

function workloadKey(ownerId: string, weekStart: string): string {
  return `${ownerId}\u0000${weekStart}`;
}

/** Indexes the open actions that have an owner and a valid due date; anything else is skipped. */
export function indexOpenActions(openActions: readonly unknown[]): WorkloadIndex {
  const index = new Map<string, IndexedAction[]>();
  for (const record of openActions) {
    const action = readRecord(record);
    const ownerId = readText(action.ownerId);
    const week = isoWeekStart(action.dueDate);
    if (ownerId === '' || week === null || !isActionOpen(action.status)) continue;
    const key = workloadKey(ownerId, week);
    const list = index.get(key) ?? [];
    list.push({ id: readId(action.id), record });
    index.set(key, list);
  }
  return index;
}

/**
 * Advice on the `ownerId` field when the action's owner has `threshold` or more open actions due in
 * the action's ISO week, counting this one once whether or not it is in the index (matched by
 * identity, or by id). Null when the action is closed, unowned or undated.
 */
export function checkOwnerWorkload(
  action: unknown,
  ownerName: string,
  index: WorkloadIndex,
  threshold: number,
): Finding | null {
  const record = readRecord(action);
  const ownerId = readText(record.ownerId);
  const week = isoWeekStart(record.dueDate);
  if (ownerId === '' || week === null || !isActionOpen(record.status)) return null;
  const id = readId(record.id);
  const others = (index.get(workloadKey(ownerId, week)) ?? []).filter(
    (entry) => entry.record !== action && (id === undefined || entry.id !== id),
  );
  const count = others.length + 1;
  if (count < threshold) return null;
  const message =
    `${ownerName} has ${count} open actions due in the week beginning ${describeDate(week)}. ` +
    'Check this is realistic, or spread the dates out.';
  return { rule: 'realistic', field: 'ownerId', severity: 'advice', message };
}
