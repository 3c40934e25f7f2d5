/**
 * A section that opens one of its records at a time in place of its list (meetings, agency
 * reports): which record is open and what was just removed are page state only, never stored in
 * the plan. Closing returns focus to the record's Open button; removing returns it to the
 * section's heading and offers an undo.
 */
import { tick } from 'svelte';

export interface OpenRecordOptions {
  /** The id of the Open button of the record `id` in the list. */
  openButtonId: (id: string) => string;
  /** The id of the section's heading (focusable with tabindex="-1"). */
  headingId: string;
  remove: (id: string) => void;
  restore: (id: string) => void;
}

export class OpenRecord {
  openId = $state<string | null>(null);
  removed = $state<{ id: string; message: string } | null>(null);

  constructor(private readonly options: OpenRecordOptions) {}

  open(id: string): void {
    this.removed = null;
    this.openId = id;
  }

  async close(): Promise<void> {
    const id = this.openId;
    this.openId = null;
    await tick();
    document.getElementById(this.options.openButtonId(`${id}`))?.focus();
  }

  /** Removes the record `id` (a tombstone), saying `message` beside an undo. */
  async remove(id: string, message: string): Promise<void> {
    this.options.remove(id);
    this.removed = { id, message };
    this.openId = null;
    await tick();
    document.getElementById(this.options.headingId)?.focus();
  }

  undo(): void {
    if (this.removed) this.options.restore(this.removed.id);
    this.removed = null;
  }
}
