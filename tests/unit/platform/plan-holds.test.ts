import { describe, expect, it } from 'vitest';
import { webLockHolds } from '../../../lib/platform/plan-holds.ts';

/** Shared Web Locks as the browser keeps them: held until the callback's promise settles. */
function fakeLocks() {
  const held: { name: string; mode: string }[] = [];
  const locks = {
    async request(name: string, options: { mode: string }, callback: () => Promise<void>) {
      const lock = { name, mode: options.mode };
      held.push(lock);
      try {
        await callback();
      } finally {
        held.splice(held.indexOf(lock), 1);
      }
    },
    query: async () => ({ held: [...held, { name: 'someone-else', mode: 'exclusive' }], pending: [] }),
  };
  return locks as unknown as LockManager;
}

describe('webLockHolds', () => {
  it('tells which plans some page holds open, until each lets go (two pages may hold one plan)', async () => {
    const holds = webLockHolds(fakeLocks());
    const panel = holds.hold('a');
    const tab = holds.hold('a');
    const other = holds.hold('b');
    expect(await holds.held()).toEqual(new Set(['a', 'b']));
    panel();
    other();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await holds.held()).toEqual(new Set(['a']));
    tab();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await holds.held()).toEqual(new Set());
  });

  it('holds nothing where Web Locks are missing', async () => {
    const holds = webLockHolds(undefined);
    holds.hold('a')();
    expect(await holds.held()).toEqual(new Set());
  });
});
