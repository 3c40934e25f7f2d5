import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { colourFor, createAwareness, readPresence, setPresence } from '../../../lib/sync/presence.ts';

describe('readPresence', () => {
  it('lists this member first, then colleagues by name, with agency, colour and section', () => {
    const mine = createAwareness(new Y.Doc());
    const theirs = createAwareness(new Y.Doc());
    setPresence(mine, { name: 'Sam Sample', agency: 'Children’s Social Care' }, 'outcomes');
    setPresence(theirs, { name: 'Jo Example', agency: 'Health' }, 'framework');
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'test');
    const present = readPresence(mine);
    expect(present.map((p) => [p.user.name, p.user.agency, p.section, p.self])).toEqual([
      ['Sam Sample', 'Children’s Social Care', 'outcomes', true],
      ['Jo Example', 'Health', 'framework', false],
    ]);
    expect(present[1]!.user.color).toBe(colourFor(theirs.clientID));
  });

  it('skips states without a user (a peer that has not said who it is yet)', () => {
    const a = createAwareness(new Y.Doc());
    a.setLocalState({ cursor: null });
    expect(readPresence(a)).toEqual([]);
  });
});
