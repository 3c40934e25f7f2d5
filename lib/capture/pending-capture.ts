/**
 * Captures waiting for the member to decide where they go: text selected on a page (the case
 * system) with the page's address and title, kept in extension storage until the member adds it to
 * a plan or discards it. One key per capture (`capture/<id>`), so a second capture made before the
 * first is dealt with never overwrites it: nothing is lost silently.
 *
 * Storage here is extension storage on this machine, outside every plan: a capture belongs to no
 * plan until the member chooses one.
 */
import type { AreaChanges, KeyValueArea } from '../platform/key-value-area.ts';
import { storedPrefix } from '../platform/stored-source.ts';

export interface PendingCapture {
  id: string;
  /** The selected text, as the browser gave it. */
  text: string;
  /** The address of the page it was selected on ('' when the browser did not say). */
  pageUrl: string;
  /** The page's title when the browser shared it, else ''. */
  pageTitle: string;
  /** When it was captured, ms since the epoch: the order captures are offered in. */
  capturedAt: number;
}

const PREFIX = 'capture/';

/** The storage key of a capture. */
export function captureKey(id: string): string {
  return PREFIX + id;
}

/** Every waiting capture, oldest first. Stored values that are not captures are skipped. */
export const pendingCapturesSource = storedPrefix(PREFIX, isPendingCapture, (a, b) => a.capturedAt - b.capturedAt || a.id.localeCompare(b.id));

/** True when a storage change adds, changes or removes a capture. */
export function touchesCaptures(changes: AreaChanges): boolean {
  return pendingCapturesSource.touches(changes);
}

/** Stores a capture (replacing one with the same id). */
export async function putPendingCapture(area: KeyValueArea, capture: PendingCapture): Promise<void> {
  await area.set({ [captureKey(capture.id)]: capture });
}

export function listPendingCaptures(area: KeyValueArea): Promise<PendingCapture[]> {
  return pendingCapturesSource.read(area);
}

/** Removes a capture once the member has added it to a plan or discarded it. */
export async function clearPendingCapture(area: KeyValueArea, id: string): Promise<void> {
  await area.remove([captureKey(id)]);
}

export function isPendingCapture(value: unknown): value is PendingCapture {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.text === 'string' &&
    typeof v.pageUrl === 'string' &&
    typeof v.pageTitle === 'string' &&
    typeof v.capturedAt === 'number'
  );
}
