import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { colourFor, isPaletteColour, createAwareness, readPresence, setPresence } from '../../../lib/sync/presence.ts';

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

  it('never passes on a colour outside the palette (it would reach a style attribute)', () => {
    const mine = createAwareness(new Y.Doc());
    const theirs = createAwareness(new Y.Doc());
    theirs.setLocalState({ user: { name: 'Mallory', agency: '', color: 'red; background: url(https://example.org/x)' }, section: '' });
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'test');
    expect(readPresence(mine)[0]!.user.color).toBe(colourFor(theirs.clientID));
    expect(isPaletteColour('#1d4f91')).toBe(true);
    expect(isPaletteColour('#1D4F91; x')).toBe(false);
  });
});
