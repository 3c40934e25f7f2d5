/** What the member is told about local saving, and the human wording of storage failures. */

export type SaveState =
  | { kind: 'loading' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; reason: 'quota' | 'closed' | 'open' | 'unknown'; message: string };

/** How browsers word "the disk is full" inside other errors (Chromium, Firefox, SQLite, POSIX). */
const OUT_OF_SPACE = /FILE_ERROR_NO_SPACE|NS_ERROR_FILE_NO_DEVICE_SPACE|SQLITE_FULL|No space left|ENOSPC/i;

/** A storage failure as a message a member can act on. Nothing here says the edits are lost: they are not. */
export function describeStorageError(error: unknown, during: 'open' | 'save'): SaveState & { kind: 'error' } {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const detail = error instanceof DOMException || error instanceof Error ? error.message : '';
  // A full disk is not a quota error in Chromium: an origin with unlimitedStorage (this extension)
  // has no quota, and the write aborts as an UnknownError whose message names the file error.
  if (name === 'QuotaExceededError' || OUT_OF_SPACE.test(detail)) {
    return {
      kind: 'error',
      reason: 'quota',
      message:
        'This device has run out of space for saved plans. Your latest changes are still in this window but are not saved yet. Free some space, then choose “Try again”.',
    };
  }
  if (name === 'InvalidStateError' || name === 'TransactionInactiveError') {
    return {
      kind: 'error',
      reason: 'closed',
      message:
        'This plan’s saved copy on this device was closed or removed while it was open. Your changes are still in this window: choose “Try again” to save them again.',
    };
  }
  if (during === 'open') {
    return {
      kind: 'error',
      reason: 'open',
      message: `This plan could not be opened from this device’s storage (${name || 'unknown error'}). Nothing has been changed.`,
    };
  }
  return {
    kind: 'error',
    reason: 'unknown',
    message: `Saving on this device failed (${name || 'unknown error'}). Your changes are still in this window: choose “Try again”.`,
  };
}
