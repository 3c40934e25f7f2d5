/**
 * Quarantined updates: ones that would remove most of the plan (or a saved version), kept as bytes
 * until a member decides, and the deletions members declined ("Keep our copy"), which are then
 * left out of whatever a colleague's copy sends again. Stored per plan (see plan-session.ts, which
 * keeps them in the plan's own database, beside but apart from its updates, so never synced or
 * backed up). What is read back is checked: stored data is untrusted input.
 */
import { triplesToRanges, type Ranges, rangesToTriples } from './delete-set.ts';
import type { Removal } from './deletion.ts';

export interface QuarantinedUpdate {
  id: string;
  /** Milliseconds since the epoch. */
  receivedAt: number;
  bytes: Uint8Array;
  removal: Removal;
}

export interface GuardRecord {
  quarantined: QuarantinedUpdate[];
  declined: Ranges;
}

/** Where a plan's guard record is kept. */
export interface GuardStore {
  load(): Promise<unknown>;
  save(value: unknown): Promise<void>;
}

/** At most this many quarantined updates are kept per plan; the oldest go first. */
export const MAX_QUARANTINED = 8;

export function serialiseGuardRecord(record: GuardRecord): unknown {
  return { quarantined: record.quarantined.slice(-MAX_QUARANTINED), declined: rangesToTriples(record.declined) };
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

export function parseGuardRecord(value: unknown): GuardRecord {
  const record: GuardRecord = { quarantined: [], declined: new Map() };
  if (typeof value !== 'object' || value === null) return record;
  const { quarantined, declined } = value as Record<string, unknown>;
  record.declined = triplesToRanges(declined);
  if (!Array.isArray(quarantined)) return record;
  for (const entry of quarantined.slice(-MAX_QUARANTINED)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, receivedAt, bytes, removal } = entry as Record<string, unknown>;
    if (typeof id !== 'string' || !isCount(receivedAt) || !(bytes instanceof Uint8Array)) continue;
    const r = (removal ?? {}) as Record<string, unknown>;
    if (!isCount(r.records) || !isCount(r.text) || !isCount(r.versions)) continue;
    record.quarantined.push({ id, receivedAt, bytes, removal: { records: r.records, text: r.text, versions: r.versions } });
  }
  return record;
}

/** A store in memory (tests, and a plan whose database cannot keep it). */
export function memoryGuardStore(): GuardStore {
  let value: unknown;
  return {
    load: async () => value,
    save: async (next) => void (value = structuredClone(next)),
  };
}
