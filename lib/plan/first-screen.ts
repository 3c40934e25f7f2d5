/**
 * The first screen of a large plan, shown before the plan itself has loaded.
 *
 * Loading a plan with a long history into its Y.Doc takes hundreds of milliseconds (a year of
 * typing is 2 MB of updates), most of a cold open. The section a member opens needs only a few of
 * the plan's roots: the family section reads the plan's details, children and people (a few KB).
 * So a page that had a large plan open keeps, beside the plan, a copy of the roots the first
 * screens read, without their history. The next open shows the section from that copy, read-only,
 * while the plan loads, then swaps in the plan itself (PlanView). The copy is never edited,
 * synced or backed up: it only has to look like the plan did when it was written, and a copy that
 * is not known to be up to date is never shown (lib/sync/first-screen-store.ts).
 *
 * Each root is kept as its own encoded document whose single writer is numbered after the root,
 * so decoding only the roots a section reads gives one document with no clash between them.
 */
import * as Y from 'yjs';
import { RICH_TEXT_FIELDS, ROOT } from './roots.ts';

/** The roots each section with a first screen reads (its own components, and the page's header). */
export const FIRST_SCREEN_ROOTS: Readonly<Record<string, readonly string[]>> = {
  family: [ROOT.meta, ROOT.children, ROOT.people],
  framework: [ROOT.meta, ROOT.scaling, ...RICH_TEXT_FIELDS.map((field) => `text:${field}`)],
};

/** Every root any first screen reads: what is kept. */
const KEPT_ROOTS = [...new Set(Object.values(FIRST_SCREEN_ROOTS).flat())];

/**
 * A plan is large enough to keep a first screen for once it holds this many items (a plan built
 * over a few meetings holds a few thousand; it loads in tens of milliseconds and needs none).
 */
export const LARGE_PLAN_ITEMS = 20_000;

/** The first screen as stored: each kept root, encoded on its own. */
export type FirstScreenRoots = Readonly<Record<string, Uint8Array>>;

/** Whether `doc` loads slowly enough for its first screen to be worth keeping. */
export function isLargePlan(doc: Y.Doc): boolean {
  let items = 0;
  for (const structs of doc.store.clients.values()) items += structs.length;
  return items >= LARGE_PLAN_ITEMS;
}

/** The kept roots of `doc`, each copied without history into a document of its own and encoded. */
export function encodeFirstScreen(doc: Y.Doc): FirstScreenRoots {
  const roots: Record<string, Uint8Array> = {};
  KEPT_ROOTS.forEach((name, index) => {
    const copy = new Y.Doc();
    copy.clientID = index + 1;
    copyRoot(doc, copy, name);
    roots[name] = Y.encodeStateAsUpdate(copy);
    copy.destroy();
  });
  return roots;
}

/**
 * The document `section`'s first screen renders, from what was stored; null when that section has
 * none, or a root it reads is missing or cannot be read (the page then waits for the plan).
 */
export function decodeFirstScreen(stored: unknown, section: string): Y.Doc | null {
  const names = FIRST_SCREEN_ROOTS[section];
  if (!names || typeof stored !== 'object' || stored === null) return null;
  const doc = new Y.Doc();
  try {
    for (const name of names) {
      const update = (stored as Record<string, unknown>)[name];
      if (!(update instanceof Uint8Array)) throw new Error(`no copy of ${name}`);
      Y.applyUpdate(doc, update);
    }
    // Anything a copy could not place (a damaged record) would be missing from what it shows.
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) throw new Error('incomplete copy');
  } catch {
    doc.destroy();
    return null;
  }
  return doc;
}

/** Copies root `name` of `from` into `to`, content only, keeping its kind (an untouched root copies as nothing). */
function copyRoot(from: Y.Doc, to: Y.Doc, name: string): void {
  if (!from.share.has(name)) return;
  const copy = (value: unknown) => (value instanceof Y.AbstractType ? value.clone() : value);
  if (name.startsWith('text:')) {
    const nodes = from.getXmlFragment(name).toArray().filter((node) => node instanceof Y.XmlElement || node instanceof Y.XmlText);
    to.getXmlFragment(name).insert(0, nodes.map((node) => node.clone()));
  } else if (name === ROOT.meta) {
    const target = to.getMap(name);
    for (const [key, value] of from.getMap(name).entries()) target.set(key, copy(value));
  } else {
    to.getArray(name).insert(0, from.getArray(name).toArray().map(copy));
  }
}
