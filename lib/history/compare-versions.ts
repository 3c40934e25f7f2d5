/**
 * Comparing a saved version with a later one, or with the plan as it is now: what changed
 * (compare-snapshots.ts) and whose copies changed it (changed-by.ts). A version's words are read
 * straight from the plan's document (versions.ts `readVersion`); comparing two versions still
 * loads the later one into a scratch document (who changed it is read from its structs), destroyed
 * before returning, so nothing here holds on to a Y.Doc.
 */
import type * as Y from 'yjs';
import { RICH_TEXT_FIELDS, planRoots, richTextFragment } from '../plan/index.ts';
import { readVersion, versionStateVector, withLoadedVersion } from './versions.ts';
import { readPlanSnapshot, type PlanSnapshot } from './plan-snapshot.ts';
import { compareSnapshots, type PlanComparison } from './compare-snapshots.ts';
import { whoChanged, type ChangedBy } from './changed-by.ts';
import type { MembershipState } from '../membership/membership-state.ts';

/** The moment a comparison starts from, read once: a version's words and its state vector. */
export interface VersionBaseline {
  snapshot: PlanSnapshot;
  stateVector: Map<number, number>;
}

export interface VersionComparison {
  changes: PlanComparison;
  changedBy: ChangedBy;
}

/**
 * Readings of versions lately shown, per plan document: a saved version never changes, so viewing
 * a version and then comparing it, or comparing it twice, reads it once. A few are kept.
 */
const readings = new WeakMap<Y.Doc, Map<string, PlanSnapshot>>();
const READINGS_KEPT = 3;

/** The plan as it was at version `id`, read into words; undefined for an unknown id. */
export function versionSnapshot(doc: Y.Doc, id: string): PlanSnapshot | undefined {
  let kept = readings.get(doc);
  const known = kept?.get(id);
  if (known) return known;
  const reading = readVersion(doc, id, readPlanSnapshot);
  if (!reading) return undefined;
  if (!kept) readings.set(doc, (kept = new Map()));
  kept.set(id, reading);
  if (kept.size > READINGS_KEPT) kept.delete(kept.keys().next().value!);
  return reading;
}

/** What comparisons from version `id` need of it; undefined for an unknown id. */
export function versionBaseline(doc: Y.Doc, id: string): VersionBaseline | undefined {
  const stateVector = versionStateVector(doc, id);
  const snapshot = versionSnapshot(doc, id);
  return stateVector && snapshot ? { snapshot, stateVector } : undefined;
}

/**
 * From `baseline` to the plan now in `doc`; `membership` (the plan's folded membership log) names
 * who changed it by verified identity once established (changed-by.ts).
 */
export function compareWithNow(doc: Y.Doc, baseline: VersionBaseline, membership?: MembershipState | null): VersionComparison {
  return { changes: compareSnapshots(baseline.snapshot, readPlanSnapshot(doc)), changedBy: whoChanged(doc, baseline.stateVector, membership) };
}

/**
 * From `baseline` to version `laterId`; undefined for an unknown id. `membership` is the plan's as
 * it is now: the log only grows, so every clientID verified then is verified now.
 */
export function compareWithVersion(doc: Y.Doc, baseline: VersionBaseline, laterId: string, membership?: MembershipState | null): VersionComparison | undefined {
  return withLoadedVersion(doc, laterId, (later) => ({
    changes: compareSnapshots(baseline.snapshot, readPlanSnapshot(later)),
    changedBy: whoChanged(later, baseline.stateVector, membership),
  }));
}

/** Every Y type a comparison with now reads, for views that re-compare as the plan changes. */
export function typesComparedWithNow(doc: Y.Doc): Y.AbstractType<unknown>[] {
  return [
    // The roots include the authors map, so a newly declared name shows at once.
    ...(Object.values(planRoots(doc)) as Y.AbstractType<unknown>[]),
    ...RICH_TEXT_FIELDS.map((f) => richTextFragment(doc, f) as Y.AbstractType<unknown>),
  ];
}
