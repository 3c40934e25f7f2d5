// @ts-check
/**
 * The relay's store: an engine (engine.mjs) plus the write rules (store-rules.mjs), with group
 * commit. Writes submitted while a transaction is running, or within the same turn of the event
 * loop, are committed together in the next one (up to `maxOpsPerCommit`), so a burst of pushes
 * costs one durable commit, not one per envelope. Each write's promise resolves only once its
 * transaction is durable.
 */
import { applyOps } from './store-rules.mjs';

/** @import { RelayEngine } from './engine.mjs' */
/** @import { WriteOp, OpResult } from './store-rules.mjs' */

/**
 * @typedef {object} StoreMetrics
 * @property {number} commits
 * @property {number} committedOps
 * @property {number} commitSeconds
 * @property {number} failedCommits
 */

/**
 * @typedef {object} RelayStore
 * @property {RelayEngine} engine
 * @property {(op: WriteOp) => Promise<OpResult>} submit
 * @property {() => number} queued writes waiting for the next commit
 * @property {StoreMetrics} metrics
 * @property {() => Promise<void>} close waits for queued writes, then closes the engine
 */

/**
 * Writes are spread over `lanes` independent committers by room (a room always uses the same lane,
 * so its writes commit in the order they were submitted). SQLite runs one lane: its transactions
 * are synchronous anyway. PostgreSQL runs several, so one node keeps several transactions in flight
 * while each waits for its commit to reach the disk; row locks keep rooms consistent between them.
 * @param {{ engine: RelayEngine, roomQuotaBytes: number, lanes?: number, maxOpsPerCommit?: number, now?: () => number, onCommitError?: (error: unknown) => void }} options
 * @returns {RelayStore}
 */
export function createStore({ engine, roomQuotaBytes, lanes = 1, maxOpsPerCommit = 1000, now = Date.now, onCommitError = () => {} }) {
  /** @type {StoreMetrics} */
  const metrics = { commits: 0, committedOps: 0, commitSeconds: 0, failedCommits: 0 };
  /** @type {Set<() => void>} */
  const idleWaiters = new Set();
  const all = Array.from({ length: lanes }, () => createLane());
  const busy = () => all.some((lane) => lane.busy());

  function createLane() {
    /** @type {{ op: WriteOp, resolve: (result: OpResult) => void }[]} */
    let queue = [];
    let running = false;
    let scheduled = false;

    const schedule = () => {
      if (running || scheduled || queue.length === 0) return;
      scheduled = true;
      setImmediate(flush);
    };

    const flush = async () => {
      scheduled = false;
      if (running || queue.length === 0) return;
      running = true;
      const batch = queue.slice(0, maxOpsPerCommit);
      queue = queue.slice(batch.length);
      const started = performance.now();
      try {
        const results = await engine.transaction((tx) => applyOps(tx, batch.map((b) => b.op), { roomQuotaBytes }, now()));
        metrics.commits++;
        metrics.committedOps += batch.length;
        metrics.commitSeconds += (performance.now() - started) / 1000;
        batch.forEach((b, i) => b.resolve(/** @type {OpResult} */ (results[i])));
      } catch (error) {
        metrics.failedCommits++;
        onCommitError(error);
        for (const b of batch) b.resolve({ ok: false, error: 'unavailable', message: 'the relay could not store this; nothing was written, try again' });
      } finally {
        running = false;
        if (queue.length > 0) schedule();
        else if (!busy()) for (const waiter of idleWaiters) waiter();
      }
    };

    return {
      /** @param {WriteOp} op */
      submit(op) {
        return new Promise((resolve) => {
          queue.push({ op, resolve });
          schedule();
        });
      },
      queued: () => queue.length,
      busy: () => running || queue.length > 0,
    };
  }

  return {
    engine,
    metrics,
    submit(op) {
      const lane = /** @type {ReturnType<typeof createLane>} */ (all[(op.tag[0] ?? 0) % lanes]);
      return /** @type {Promise<OpResult>} */ (lane.submit(op));
    },
    queued: () => all.reduce((n, lane) => n + lane.queued(), 0),
    async close() {
      if (busy()) await new Promise((resolve) => idleWaiters.add(() => resolve(undefined)));
      await engine.close();
    },
  };
}
