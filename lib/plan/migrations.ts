/**
 * Schema versions and the migration hook. A plan records the version it was written with; opening
 * an older plan runs the steps between, once, in one transaction. A plan from a newer version of the
 * extension is left untouched and reported, so an old copy never rewrites what it does not know.
 */
import * as Y from 'yjs';
import { planRoots } from './roots.ts';
import { COMMAND_ORIGIN } from './origin.ts';

/** The version this build writes. Bump it and add a step below when the document's shape changes. */
export const SCHEMA_VERSION = 1;

/** Step n upgrades a plan from version n to n + 1. */
const STEPS: Record<number, (doc: Y.Doc) => void> = {};

export type MigrationResult = 'current' | 'migrated' | 'newer' | 'empty' | 'damaged';

/** A schema marker this version can open: a whole number from 1 up to SCHEMA_VERSION. */
export function isKnownSchemaVersion(value: unknown, target = SCHEMA_VERSION): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= target;
}

/** Whether the plan holds anything beyond its meta map: content that arrived without its marker. */
function hasContent(doc: Y.Doc): boolean {
  const roots = planRoots(doc);
  return roots.meta.has('familyName') || roots.children.length > 0 || roots.members.length > 0;
}

/**
 * Brings `doc` up to SCHEMA_VERSION. 'empty' means the plan has not arrived yet (a member who joined
 * by invite before meeting a peer): nothing is written, so nothing is seeded twice.
 */
export function migratePlan(doc: Y.Doc, steps: Record<number, (doc: Y.Doc) => void> = STEPS, target = SCHEMA_VERSION): MigrationResult {
  const meta = planRoots(doc).meta;
  const version = meta.get('schemaVersion');
  // A marker that is missing, not a number or not whole while the plan has content was damaged
  // (a copy from before the update guard let it through): the plan opens read-only, content intact.
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return hasContent(doc) ? 'damaged' : 'empty';
  if (version > target) return 'newer';
  if (version === target) return 'current';
  doc.transact(() => {
    for (let v = version; v < target; v++) {
      const step = steps[v];
      if (!step) throw new RangeError(`migratePlan: no migration from schema version ${v}`);
      step(doc);
    }
    meta.set('schemaVersion', target);
  }, COMMAND_ORIGIN);
  return 'migrated';
}
