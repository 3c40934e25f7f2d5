/**
 * A section that opens one of its records at a time in place of its list (meetings, agency
 * reports): which record is open and what was just removed are page state only, never stored in
 * the plan. Closing returns focus to the record's Open button; removing returns it to the
 * section's heading and offers an undo.
 */
import { tick } from 'svelte';
import type * as Y from 'yjs';

/** The commands of a record type that removing and undoing use (lib/plan record specs). */
interface Removable {
  remove(doc: Y.Doc, list: Y.Array<Y.Map<unknown>>, id: string): void;
  restore(doc: Y.Doc, list: Y.Array<Y.Map<unknown>>, id: string): void;
}

export class OpenRecord {
  openId = $state<string | null>(null);
  removed = $state<{ id: string; message: string } | null>(null);

  /**
   * `kind` names the ids: each record's Open button is `open-<kind>-<id>`, the section's heading
   * (focusable with tabindex="-1") is `<kind>s-heading`. `where` gives the plan and the list now.
   */
  readonly #kind: string;
  readonly #records: Removable;
  readonly #where: () => { doc: Y.Doc; list: Y.Array<Y.Map<unknown>> };

  constructor(kind: string, records: Removable, where: () => { doc: Y.Doc; list: Y.Array<Y.Map<unknown>> }) {
    this.#kind = kind;
    this.#records = records;
    this.#where = where;
  }

  open(id: string): void {
    this.removed = null;
    this.openId = id;
  }

  async close(): Promise<void> {
    const id = this.openId;
    this.openId = null;
    await tick();
    document.getElementById(`open-${this.#kind}-${id}`)?.focus();
  }

  /** Removes the record `id` (a tombstone), saying `message` beside an undo. */
  async remove(id: string, message: string): Promise<void> {
    const { doc, list } = this.#where();
    this.#records.remove(doc, list, id);
    this.removed = { id, message };
    this.openId = null;
    await tick();
    document.getElementById(`${this.#kind}s-heading`)?.focus();
  }

  undo(): void {
    if (this.removed) {
      const { doc, list } = this.#where();
      this.#records.restore(doc, list, this.removed.id);
    }
    this.removed = null;
  }
}
