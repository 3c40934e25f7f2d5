/**
 * Named versions of a plan, kept inside the plan's own document so every member has them and
 * deleting the plan deletes them. A version holds the whole plan as it was: a Yjs update
 * (encodeStateAsUpdateV2) that, applied to an empty Y.Doc, gives the document at that moment.
 *
 * Each state leaves out the versions saved before it (their content is deleted in a scratch copy
 * and garbage-collected, keeping only their ids and lengths). Without that, every version would
 * carry all the earlier ones and the plan would double in size with each save. What is kept is
 * exactly the saved document's items, with their original client ids and clocks, so a version's
 * state vector says what every member's copy had contributed by then (see changed-by.ts).
 *
 * The versions are `Version` records (lib/plan/records/versions.ts) in the root `versions`.
 */
import * as Y from 'yjs';
import { planRoots } from '../plan/roots.ts';
import { Version } from '../plan/records/versions.ts';
import type { FieldProblem } from '../plan/validate-new-plan.ts';

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

const versionsList = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => planRoots(doc).versions;

/** Every stored version that holds a state, in the order they were saved. */
const storedVersions = (doc: Y.Doc) =>
  versionsList(doc)
    .toArray()
    .map(Version.read)
    .filter((v) => v.id !== '' && v.state.length > 0);

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
  const state = stateWithoutVersions(doc);
  return Version.add(doc, versionsList(doc), { name: args.name.trim(), savedBy: args.by.trim(), savedAt: args.at, state });
}

/** The saved versions, oldest first (the order they were saved in; concurrent saves in Yjs order). */
export function readVersions(doc: Y.Doc): VersionInfo[] {
  return storedVersions(doc).map(({ id, name, savedBy, savedAt }) => ({ id, name, savedBy, savedAt }));
}

/** The versions list, for views that re-read when a version is saved. */
export function versionsType(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return versionsList(doc);
}

/** A version's stored state, or undefined for an unknown id. */
export function versionState(doc: Y.Doc, id: string): Uint8Array | undefined {
  return storedVersions(doc).find((v) => v.id === id)?.state;
}

/**
 * The plan as it was at version `id`, in a new scratch Y.Doc connected to nothing (the caller
 * destroys it), or undefined for an unknown id. Edits to it go nowhere.
 */
export function loadVersion(doc: Y.Doc, id: string): Y.Doc | undefined {
  const state = versionState(doc, id);
  if (!state) return undefined;
  const scratch = new Y.Doc();
  Y.applyUpdateV2(scratch, state);
  return scratch;
}

/** What each member's copy had contributed at version `id` (clientID → clock), or undefined. */
export function versionStateVector(doc: Y.Doc, id: string): Map<number, number> | undefined {
  const state = versionState(doc, id);
  return state ? Y.decodeStateVector(Y.encodeStateVectorFromUpdateV2(state)) : undefined;
}

function stateWithoutVersions(doc: Y.Doc): Uint8Array {
  const scratch = new Y.Doc();
  try {
    Y.applyUpdateV2(scratch, Y.encodeStateAsUpdateV2(doc));
    const earlier = planRoots(scratch).versions;
    scratch.transact(() => earlier.delete(0, earlier.length));
    return Y.encodeStateAsUpdateV2(scratch);
  } finally {
    scratch.destroy();
  }
}
