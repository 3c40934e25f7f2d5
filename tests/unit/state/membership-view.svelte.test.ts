import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import * as Y from 'yjs';
import { IDBFactory } from 'fake-indexeddb';
import { membershipView } from '../../../lib/state/membership-view.svelte.ts';
import { loadDeviceIdentity } from '../../../lib/membership/device-identity.ts';
import { establishMembership, recordInvitation } from '../../../lib/membership/membership-actions.ts';
import { tokenHashOf } from '../../../lib/membership/join-request.ts';
import { createInviteSecret } from '../../../lib/sync/invite.ts';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  flushSync();
};

describe('membershipView', () => {
  it('folds the log once read, and again as it grows; observes only while read', async () => {
    const doc = new Y.Doc();
    const device = await loadDeviceIdentity({ indexedDB: new IDBFactory() });
    await establishMembership(doc, device, { name: 'Jo Chair', agency: 'CSC', role: 'Chair' }, '0123456789abcdef0123456789abcdef', createInviteSecret());
    const view = membershipView(doc);
    const seen: (number | null)[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(view.current ? view.current.invitations.size : null);
      });
    });
    flushSync();
    await until(() => seen.at(-1) === 0);
    await recordInvitation(doc, device, await tokenHashOf(createInviteSecret()), new Date());
    await until(() => seen.at(-1) === 1);
    expect(seen).toEqual([null, 0, 1]);
    expect(view.current?.members[0]?.info.name).toBe('Jo Chair');
    expect(doc.getArray('membership')._eH.l.length).toBe(1);
    stop();
    await Promise.resolve(); // createSubscriber tears down in a microtask
    // No reader: the log is no longer observed.
    expect(doc.getArray('membership')._eH.l.length).toBe(0);
  });
});
