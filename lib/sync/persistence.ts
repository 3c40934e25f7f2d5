/**
 * Local persistence of one plan, in y-indexeddb's format, with every failure made visible.
 * `persistPlan` joins three parts: the plan's database (plan-store.ts: loading that writes
 * nothing, and a writer that tracks each transaction), what the member is told about saving
 * (save-tracker.ts: 'saved' only once every update has been committed), and a last flush when the
 * page is hidden. A failed write marks the plan dirty; the next write (or `retry()`) stores the
 * whole document state, so nothing typed is lost while the window stays open.
 */
import type * as Y from 'yjs';
import { encodeFirstScreen, isLargePlan } from '../plan/first-screen.ts';
import type { StoredUpdates } from './plan-database.ts';
import { PlanStore } from './plan-store.ts';
import type { SaveState } from './save-state.ts';
import { SaveTracker } from './save-tracker.ts';

/**
 * Opening merges the stored updates into one when more than this many are stored (each edit is
 * one), this long after the plan has loaded: after its first paint, so it never delays opening,
 * and the next open applies one update.
 */
export const COMPACT_ON_OPEN_ABOVE = 20;
export const COMPACT_AFTER_LOAD_MS = 2000;

/** How long a large plan stays unchanged before its first screen is kept (lib/plan/first-screen.ts): after a compaction. */
export const KEEP_FIRST_SCREEN_AFTER_MS = 3000;

/** The IndexedDB database that holds a plan's document. */
export function planDatabaseName(planId: string): string {
  return `plan:${planId}`;
}

export interface PlanPersistence {
  /** Resolves once the stored plan is in the document; rejects (with a SaveState error) if it cannot be opened. */
  readonly whenLoaded: Promise<void>;
  readonly state: SaveState;
  /** Calls `listener` on every change of `state`; returns the unsubscribe. */
  onState(listener: (state: SaveState) => void): () => void;
  /** Stores anything not yet committed; resolves when it is committed (or rejects). */
  flush(): Promise<void>;
  /** After an error: reopens the database and stores the whole document again. */
  retry(): Promise<void>;
  /** Replaces what is stored with the document's state as one update. */
  replaceStored(): Promise<void>;
  /**
   * Merges the stored updates into one when there are more than `above` (a session's typing is
   * hundreds), atomically and keeping any edit made meanwhile; resolves with whether it merged.
   */
  compact(above?: number): Promise<boolean>;
  /**
   * Keeps a large plan's first screen (lib/plan/first-screen.ts) for what is stored now, unless
   * nothing changed since it was last kept; this does it itself once the plan has been quiet.
   */
  keepFirstScreen(): Promise<void>;
  /** Values kept in the plan's database beside its updates, never synced or backed up. */
  readExtra(key: string): Promise<unknown>;
  writeExtra(key: string, value: unknown): Promise<void>;
  deleteExtra(key: string): Promise<void>;
  /** The extras' keys that start with `prefix`, in ascending order. */
  extraKeys(prefix: string): Promise<string[]>;
  destroy(): Promise<void>;
}

/**
 * Stores `doc` in the plan's database, loading what is stored first; see the module comment.
 * `earlier`: the plan's stored updates read ahead (early-open.ts); only later ones are read then.
 */
export function persistPlan(
  doc: Y.Doc,
  planId: string,
  win: Window | undefined = globalThis.window,
  earlier?: Promise<StoredUpdates | null>,
): PlanPersistence {
  const saves = new SaveTracker();
  const store = new PlanStore(doc, planDatabaseName(planId), saves);
  // A large plan's first screen is kept once the plan has been quiet for a moment, and as the view
  // closes. Not as the page goes away: the keeping reads which update is stored last, and a page
  // that has gone runs no more code, so IndexedDB would abort it.
  let loaded = false;
  // Whether the plan was large when it loaded: only then is each change's timer armed (it runs on
  // every keystroke). A plan that grows large while open is kept as its view closes.
  let large = false;
  let generation = 0;
  let keptGeneration = -1;
  let keeping: ReturnType<typeof setTimeout> | undefined;
  const keepFirstScreen = (): Promise<void> => {
    clearTimeout(keeping);
    if (!loaded || keptGeneration === generation || !isLargePlan(doc)) return Promise.resolve();
    keptGeneration = generation;
    return store.keepFirstScreen(encodeFirstScreen(doc));
  };
  const keepWhenQuiet = () => {
    if (!large) return; // false until loaded
    clearTimeout(keeping);
    keeping = setTimeout(() => void keepFirstScreen().catch(() => {}), KEEP_FIRST_SCREEN_AFTER_MS);
  };
  // Not an 'update' listener: while one is registered Yjs encodes every transaction, the stored
  // plan's loading too (plan-store.ts).
  const changed = () => {
    generation += 1;
    keepWhenQuiet();
  };
  doc.on('afterTransaction', changed);
  const stopFlushingOnHide = flushWhenHidden(win, () => store.flush());
  const whenLoaded = store.open('open', earlier);
  whenLoaded.catch(() => {}); // reported through `state`; callers await whenLoaded themselves
  let compaction: ReturnType<typeof setTimeout> | undefined;
  const compact = (above?: number) =>
    store.compact(above).then((compacted) => {
      if (compacted) changed();
      return compacted;
    });
  whenLoaded.then(
    () => {
      loaded = true;
      large = isLargePlan(doc);
      keepWhenQuiet();
      compaction = setTimeout(() => void compact(COMPACT_ON_OPEN_ABOVE).catch(() => {}), COMPACT_AFTER_LOAD_MS);
    },
    () => {},
  );
  return {
    whenLoaded,
    get state() {
      return saves.state;
    },
    onState: (listener) => saves.onState(listener),
    flush: () => store.flush(),
    retry: () => store.retry(),
    replaceStored: () => store.replaceStored(),
    compact,
    keepFirstScreen,
    readExtra: (key) => store.readExtra(key),
    writeExtra: (key, value) => store.writeExtra(key, value),
    deleteExtra: (key) => store.deleteExtra(key),
    extraKeys: (prefix) => store.extraKeys(prefix),
    async destroy() {
      clearTimeout(compaction);
      stopFlushingOnHide();
      doc.off('afterTransaction', changed);
      await keepFirstScreen().catch(() => {});
      clearTimeout(keeping);
      await store.close();
    },
  };
}

/**
 * Stores what is not yet committed when the page is hidden or goes away (a closed panel, a
 * switched tab): the last moment a page is sure to run. Returns the unsubscribe.
 */
function flushWhenHidden(win: Window | undefined, flush: () => Promise<void>): () => void {
  const onPageHide = () => void flush().catch(() => {});
  const onVisibility = () => {
    if (win?.document.visibilityState === 'hidden') onPageHide();
  };
  win?.addEventListener('pagehide', onPageHide);
  win?.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    win?.removeEventListener('pagehide', onPageHide);
    win?.document.removeEventListener('visibilitychange', onVisibility);
  };
}

/** Deletes a plan's database. Open copies in other pages are closed by the browser's versionchange. */
export function deletePlanData(planId: string, factory: IDBFactory = globalThis.indexedDB): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(planDatabaseName(planId));
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('The plan could not be deleted'));
  });
}
