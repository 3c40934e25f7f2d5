/**
 * Whether a plan's edits are stored: the SaveState the save indicator shows, the writes still in
 * flight, and whoever waits for them to settle. Knows nothing of IndexedDB: persistence.ts tells it
 * when a write starts, commits or fails.
 */
import { describeStorageError, type SaveState } from './save-state.ts';

export class SaveTracker {
  #state: SaveState = { kind: 'loading' };
  readonly #listeners = new Set<(state: SaveState) => void>();
  readonly #waiting = new Set<() => void>();
  /** Writes started and neither committed nor aborted yet. */
  pending = 0;
  /** A write failed: the next write stores the whole document, not just its update. */
  dirty = false;

  get state(): SaveState {
    return this.#state;
  }

  set(next: SaveState): void {
    this.#state = next;
    for (const listener of this.#listeners) listener(next);
  }

  /** Calls `listener` on every change of state; returns the unsubscribe. */
  onState(listener: (state: SaveState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * A write failed: the plan is dirty. The first failure names the cause (a full disk); what
   * follows it (the browser closing the connection, later writes refused on it) would only hide
   * that, so it is kept until the state is set again (a retry). The one exception is a full disk
   * reported after the connection closed: Chromium may close a full disk's database before the
   * write that found it full aborts, and "out of space" is what the member can act on.
   */
  fail(error: unknown): void {
    this.dirty = true;
    const failure = describeStorageError(error, 'save');
    const closedFirst = this.#state.kind === 'error' && this.#state.reason === 'closed';
    if (this.#state.kind !== 'error' || (closedFirst && failure.reason === 'quota')) this.set(failure);
  }

  /** A write is under way. */
  started(): void {
    this.pending++;
    if (this.#state.kind !== 'error') this.set({ kind: 'saving' });
  }

  /** A write ended: once none is in flight, 'saved' (unless dirty or failed) and the waiting wake. */
  settle(): void {
    if (this.pending > 0) return;
    if (!this.dirty && this.#state.kind !== 'error') this.set({ kind: 'saved' });
    for (const wake of this.#waiting) wake();
    this.#waiting.clear();
  }

  /** Resolves once no write is in flight (at once when none is); rejects with the state if saving failed. */
  whenSettled(): Promise<void> {
    const outcome = (resolve: () => void, reject: (state: SaveState) => void) =>
      this.#state.kind === 'error' ? reject(this.#state) : resolve();
    if (this.pending === 0) return new Promise(outcome);
    return new Promise((resolve, reject) => this.#waiting.add(() => outcome(resolve, reject)));
  }

  /** Stops telling anyone about changes (the plan is closing). */
  forgetListeners(): void {
    this.#listeners.clear();
  }
}
