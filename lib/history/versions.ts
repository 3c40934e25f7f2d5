/**
 * Named versions of a plan, kept inside the plan's own document so every member has them and
 * deleting the plan deletes them. This module is the one way in: save, list, load.
 *
 * A version is a Yjs snapshot of the plan's document (its state vector and delete set, a few KB),
 * and the document keeps the deleted content a saved version shows (keep-history.ts). So a year
 * of versions costs about what was deleted in that year, not a copy of the plan per meeting, and
 * opening the plan decodes no version: a version is read only when History shows it.
 *
 * Versions saved before snapshots held a whole copy of the plan; migrate-versions.ts turns all but
 * the first of them into what each added to the one before (`base`), losslessly, after the plan
 * has opened. Both forms load here.
 *
 * A version's state vector says what every member's copy had contributed by then (changed-by.ts).
 * The versions are `Version` records (lib/plan/records/versions.ts) in the root `versions`.
 */
import * as Y from 'yjs';
import { planRoots } from '../plan/roots.ts';
import { Version } from '../plan/records/versions.ts';
import { COMMAND_ORIGIN } from '../plan/origin.ts';
import type { FieldProblem } from '../plan/validate-new-plan.ts';
import { decodeVersionSnapshot, holdsAllOf, keepHistory, withGcOff } from './keep-history.ts';
import { readAtSnapshot } from './read-at-snapshot.ts';
import type { RemovalDecision, RemovalSignature, StoredRemoval } from './version-removal.ts';

export interface VersionInfo {
  id: string;
  name: string;
  /** The declared name of the member who saved it. */
  savedBy: string;
  /** When: yyyy-MM-dd, or a longer ISO date-time from a caller that has one. */
  savedAt: string;
}

/** Longest version name accepted: enough for "Before the review conference on 12 March". */
export const MAX_VERSION_NAME = 120;

type StoredVersion = ReturnType<typeof Version.read>;

const versionsList = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => planRoots(doc).versions;

const holdsPlan = (v: StoredVersion) => v.id !== '' && (v.snapshot.length > 0 || v.state.length > 0);

/** Every stored version that holds a plan and has not been removed, in the order they were saved. */
const storedVersions = (doc: Y.Doc): StoredVersion[] => Version.readAll(versionsList(doc)).filter(holdsPlan);

/** Problems with a version name as typed, by field 'name'; empty when it can be saved. */
export function checkVersionName(name: string): FieldProblem[] {
  if (name.trim() === '') return [{ field: 'name', message: 'Enter a name for the version, for example “Agreed at the core group”.' }];
  if (name.trim().length > MAX_VERSION_NAME) return [{ field: 'name', message: `Use ${MAX_VERSION_NAME} characters or fewer.` }];
  return [];
}

/**
 * Saves the plan as it is now under `name`, by `by` (a declared name) at `at`; returns the
 * version's id. A name that fails checkVersionName is a programming mistake here: RangeError.
 * Meant for "Save a version" and for closing a meeting (every closed meeting makes one).
 */
export function saveVersion(doc: Y.Doc, args: { name: string; by: string; at: string }): string {
  if (checkVersionName(args.name).length > 0) throw new RangeError('saveVersion: check the name first');
  keepHistory(doc);
  const snapshot = Y.encodeSnapshotV2(Y.snapshot(doc));
  return Version.add(doc, versionsList(doc), { name: args.name.trim(), savedBy: args.by.trim(), savedAt: args.at, snapshot });
}

/** The saved versions, oldest first (the order they were saved in; concurrent saves in Yjs order). */
export function readVersions(doc: Y.Doc): VersionInfo[] {
  return storedVersions(doc).map(({ id, name, savedBy, savedAt }) => ({ id, name, savedBy, savedAt }));
}

/** The versions list, for views that re-read when a version is saved. */
export function versionsType(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return versionsList(doc);
}

/**
 * Why version `id` cannot be shown on this copy, or undefined when it can: 'unknown' (no such
 * version, or its stored form does not read) or 'incomplete' (this copy lacks content the version
 * shows: an edit it names has not arrived, or text it shows was collected here before the version
 * did). History says so rather than show a version that reads wrong.
 */
export function versionProblem(doc: Y.Doc, id: string): 'unknown' | 'incomplete' | undefined {
  const version = storedVersions(doc).find((v) => v.id === id);
  if (!version) return 'unknown';
  if (version.snapshot.length === 0) return fullCopyChain(versionsList(doc).toArray().map(Version.read), version) ? undefined : 'unknown';
  const snapshot = decodeVersionSnapshot(version.snapshot);
  if (!snapshot) return 'unknown';
  return holdsAllOf(doc, snapshot) ? undefined : 'incomplete';
}

/**
 * The plan as it was at version `id`, in a new scratch Y.Doc connected to nothing (the caller
 * destroys it), or undefined for an unknown id, one whose stored form does not read, or one this
 * copy cannot rebuild exactly (versionProblem says which). Edits to it go nowhere. Rebuilding
 * costs more than decoding the whole plan: to read a version's words, use readVersion.
 */
export function loadVersion(doc: Y.Doc, id: string): Y.Doc | undefined {
  const versions = storedVersions(doc);
  const version = versions.find((v) => v.id === id);
  if (!version) return undefined;
  if (version.snapshot.length > 0) {
    const snapshot = decodeVersionSnapshot(version.snapshot);
    if (!snapshot || !holdsAllOf(doc, snapshot)) return undefined;
    keepHistory(doc);
    return withGcOff(doc, () => Y.createDocFromSnapshot(doc, snapshot));
  }
  const chain = fullCopyChain(versionsList(doc).toArray().map(Version.read), version);
  if (!chain) return undefined;
  const scratch = new Y.Doc();
  try {
    scratch.transact(() => {
      for (const state of chain) Y.applyUpdateV2(scratch, state);
    });
  } catch {
    scratch.destroy();
    return undefined;
  }
  return scratch;
}

/**
 * Runs `read` on the plan as it was at version `id` and returns its result, or undefined where
 * loadVersion gives undefined. `read` may only read, through the lib/plan readers (planRoots,
 * richTextFragment and the record readers): a snapshot version is read straight from `doc` through
 * read-at-snapshot.ts, without the second document loadVersion builds (which costs more than
 * decoding the whole plan); an older full-copy version is loaded as loadVersion does.
 */
export function readVersion<T>(doc: Y.Doc, id: string, read: (plan: Y.Doc) => T): T | undefined {
  const version = storedVersions(doc).find((v) => v.id === id);
  if (!version) return undefined;
  if (version.snapshot.length > 0) {
    const snapshot = decodeVersionSnapshot(version.snapshot);
    if (!snapshot || !holdsAllOf(doc, snapshot)) return undefined;
    return readAtSnapshot(doc, snapshot, read);
  }
  return withLoadedVersion(doc, id, read);
}

/**
 * Runs `read` on version `id` loaded into a scratch document (loadVersion), destroyed after; for a
 * reader that needs a whole document (its structs, not only what lib/plan reads). Undefined where
 * loadVersion gives undefined.
 */
export function withLoadedVersion<T>(doc: Y.Doc, id: string, read: (scratch: Y.Doc) => T): T | undefined {
  const scratch = loadVersion(doc, id);
  if (!scratch) return undefined;
  try {
    return read(scratch);
  } finally {
    scratch.destroy();
  }
}

/** What each member's copy had contributed at version `id` (clientID → clock), or undefined. */
export function versionStateVector(doc: Y.Doc, id: string): Map<number, number> | undefined {
  const version = storedVersions(doc).find((v) => v.id === id);
  if (!version) return undefined;
  if (version.snapshot.length > 0) {
    const snapshot = decodeVersionSnapshot(version.snapshot);
    return snapshot ? new Map(snapshot.sv) : undefined;
  }
  const scratch = loadVersion(doc, id);
  if (!scratch) return undefined;
  try {
    return Y.decodeStateVector(Y.encodeStateVector(scratch));
  } finally {
    scratch.destroy();
  }
}

/**
 * Removes version `id` by a recorded decision: who, when and why stay on its record, with the
 * remover's signature once the plan has membership (version-removal.ts signs it; checkRemoval
 * checks it), and the list of removed versions shows them (removedVersions). Never silent: a
 * colleague's copy receiving the removal holds it and asks (guard/update-guard.ts quarantines any
 * version marked removed), and "Keep our copy" restores it whole, as its snapshot is kept.
 * RangeError for a missing name or reason (the form asks first); false for an unknown id.
 */
export function removeVersion(doc: Y.Doc, id: string, decision: RemovalDecision, signed?: RemovalSignature | null): boolean {
  if (decision.why.trim() === '' || decision.by.trim() === '') throw new RangeError('removeVersion: record who and why');
  const list = versionsList(doc);
  if (!storedVersions(doc).some((v) => v.id === id)) return false;
  doc.transact(() => {
    Version.update(doc, list, id, { removedBy: decision.by.trim(), removedAt: decision.at, removedWhy: decision.why.trim() });
    Version.update(doc, list, id, { removedDevice: signed?.device ?? '', removedSig: signed?.signature ?? new Uint8Array(0) });
    Version.remove(doc, list, id);
  }, COMMAND_ORIGIN);
  return true;
}

/** The decision to remove a version, as signRemoval signs it (trimmed, as removeVersion stores it). */
export const removalDecision = (d: RemovalDecision): RemovalDecision => ({ by: d.by.trim(), at: d.at, why: d.why.trim() });

export interface RemovedVersion extends VersionInfo {
  removedBy: string;
  removedAt: string;
  removedWhy: string;
  /** What checkRemoval checks: the decision, the signing device and its signature ('' and empty when unsigned). */
  removal: StoredRemoval;
}

/** Removed versions with their recorded decisions, oldest first. */
export function removedVersions(doc: Y.Doc): RemovedVersion[] {
  return versionsList(doc)
    .toArray()
    .filter((record) => record.get('deleted') === true)
    .map(Version.read)
    .filter((v) => v.id !== '')
    .map(({ id, name, savedBy, savedAt, removedBy, removedAt, removedWhy, removedDevice, removedSig }) => ({
      id, name, savedBy, savedAt, removedBy, removedAt, removedWhy,
      removal: { versionId: id, by: removedBy, at: removedAt, why: removedWhy, device: removedDevice, signature: removedSig },
    }));
}

/** Puts back a removed version (a removal nobody signed, undone by a member): false for an unknown id. */
export function restoreVersion(doc: Y.Doc, id: string): boolean {
  if (!removedVersions(doc).some((v) => v.id === id)) return false;
  Version.restore(doc, versionsList(doc), id);
  return true;
}

/**
 * The updates that rebuild an older version, oldest first: its full copy, then what each version
 * after it added. Undefined when a link is missing or loops (a damaged or hostile record).
 */
function fullCopyChain(records: StoredVersion[], version: StoredVersion): Uint8Array[] | undefined {
  const all = new Map(records.map((v) => [v.id, v] as const));
  const chain: Uint8Array[] = [];
  const seen = new Set<string>();
  for (let v: StoredVersion | undefined = version; v; v = v.base === '' ? undefined : all.get(v.base)) {
    if (seen.has(v.id) || v.state.length === 0) return undefined;
    seen.add(v.id);
    chain.unshift(v.state);
    if (v.base !== '' && !all.has(v.base)) return undefined;
  }
  return chain;
}
