/**
 * Per-device counters (ARCHITECTURE.md, "Membership with keys"): every signed frame carries its
 * session's progress, the number of edits it made (transactions that added to the document under its clientID) and its
 * clientID's clock after them (frame-checks.ts). A receiver remembers, per verified session, the
 * latest progress announced and the points (edits, clock) it has seen, and compares them with its
 * own state vector: edits announced beyond the last point it already holds have not reached it.
 * A relay that hides envelopes, or a connection that lost some, shows up here.
 *
 * Only sessions whose clientID is verified (an established plan: `author` is known) are counted.
 * An edit that only deleted adds no clock, so it is not counted (Yjs keeps deletions apart).
 */
import * as Y from 'yjs';
import type { Checked, Progress } from './frame-checks.ts';

/** Points kept per session: enough to place any recent state between two of them. */
const MAX_POINTS = 64;
/** Sessions followed (a plan has a few devices, each with a session per open page). */
const MAX_SESSIONS = 256;

export interface MissingEdits {
  deviceId: string;
  edits: number;
}

export interface DeviceProgress {
  /** A frame accepted from a colleague (frame-checks.ts 'ok'). */
  accept(checked: Extract<Checked, { kind: 'ok' }>): void;
  /** Per device, how many of its edits have not reached this copy (devices with none left out). */
  missing(): MissingEdits[];
  /** The session's own progress, for the frames it signs. */
  own(): Progress;
  /** Calls `listener` when `missing()` may have changed (a frame accepted, the document changed); returns the unsubscribe. */
  onChange(listener: () => void): () => void;
  destroy(): void;
}

interface Followed {
  deviceId: string;
  announced: Progress;
  points: Progress[];
}

export function trackDeviceProgress(doc: Y.Doc): DeviceProgress {
  const sessions = new Map<number, Followed>();
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  let edits = 0;
  const onTransaction = (transaction: Y.Transaction) => {
    if (sessions.size > 0 && !transaction.local) changed();
    if (!transaction.local) return;
    const client = doc.clientID;
    if ((transaction.afterState.get(client) ?? 0) > (transaction.beforeState.get(client) ?? 0)) edits++;
  };
  doc.on('afterTransaction', onTransaction);
  return {
    accept(checked) {
      if (checked.author === null) return;
      let followed = sessions.get(checked.author);
      if (!followed) {
        if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
        followed = { deviceId: checked.deviceId, announced: checked.progress, points: [] };
        sessions.set(checked.author, followed);
      }
      const p = checked.progress;
      if (p.edits >= followed.announced.edits) followed.announced = p;
      if (!followed.points.some((q) => q.edits === p.edits)) {
        followed.points.push(p);
        followed.points.sort((a, b) => a.edits - b.edits);
        if (followed.points.length > MAX_POINTS) followed.points.splice(1, 1); // keep the oldest as a floor
      }
      changed();
    },
    missing() {
      const byDevice = new Map<string, number>();
      for (const [client, followed] of sessions) {
        const have = Y.getState(doc.store, client);
        if (have >= followed.announced.clock) continue;
        const reached = followed.points.filter((q) => q.clock <= have).reduce((most, q) => Math.max(most, q.edits), 0);
        const missing = followed.announced.edits - reached;
        if (missing > 0) byDevice.set(followed.deviceId, (byDevice.get(followed.deviceId) ?? 0) + missing);
      }
      return [...byDevice].map(([deviceId, n]) => ({ deviceId, edits: n }));
    },
    own: () => ({ edits, clock: Y.getState(doc.store, doc.clientID) }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      doc.off('afterTransaction', onTransaction);
      sessions.clear();
    },
  };
}
