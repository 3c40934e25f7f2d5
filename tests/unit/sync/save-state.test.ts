import { describe, expect, it } from 'vitest';
import { describeStorageError } from '../../../lib/sync/save-state.ts';

// What Chromium 156 reports when the disk under the profile is full: not a QuotaExceededError (an
// extension with unlimitedStorage has no quota) but an UnknownError naming the file error.
const CHROMIUM_DISK_FULL =
  'Connection is closing because of: IO error: .../chrome-extension_x_0.indexeddb.leveldb/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)';

describe('describeStorageError', () => {
  it.each([
    ['a quota error', new DOMException('', 'QuotaExceededError')],
    ['Chromium’s full disk', new DOMException(CHROMIUM_DISK_FULL, 'UnknownError')],
    // lib0 (under y-indexeddb) rethrows DOMExceptions as Error(String(domException)).
    ['Chromium’s full disk, wrapped by lib0', new Error(`UnknownError: ${CHROMIUM_DISK_FULL}`)],
    ['Firefox’s full disk', new DOMException('NS_ERROR_FILE_NO_DEVICE_SPACE', 'UnknownError')],
  ])('says the device is out of space for %s', (_, error) => {
    const state = describeStorageError(error, 'save');
    expect(state.reason).toBe('quota');
    expect(state.message).toMatch(/^This device has run out of space for saved plans\./);
    expect(state.message).not.toMatch(/Error|FILE_|leveldb/);
  });

  it('says a database removed under the page can be saved again', () => {
    expect(describeStorageError(new DOMException('closed', 'InvalidStateError'), 'save')).toMatchObject({ reason: 'closed' });
  });

  it('tells opening failures from saving failures, and never says edits are lost', () => {
    const open = describeStorageError(new DOMException('x', 'UnknownError'), 'open');
    const save = describeStorageError(new DOMException('x', 'UnknownError'), 'save');
    expect(open.reason).toBe('open');
    expect(save.reason).toBe('unknown');
    expect(save.message).toMatch(/still in this window/);
    for (const s of [open, save]) expect(s.message).not.toMatch(/lost/i);
  });
});
