import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { colourFor, isPaletteColour, createAwareness, forgetPresence, readPresence, setPresence } from '../../../lib/sync/presence.ts';

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

describe('forgetPresence (a colleague whose connection closed)', () => {
  it('stops showing them at once, tells only this page, and takes their presence again when they return', () => {
    const mine = createAwareness(new Y.Doc());
    const theirs = createAwareness(new Y.Doc());
    setPresence(mine, { name: 'Sam Sample', agency: 'Children’s Social Care' }, 'family');
    setPresence(theirs, { name: 'Jo Example', agency: 'Health' }, 'framework');
    const sent = encodeAwarenessUpdate(theirs, [theirs.clientID]);
    applyAwarenessUpdate(mine, sent, 'peer');
    expect(readPresence(mine).map((p) => p.user.name)).toEqual(['Sam Sample', 'Jo Example']);

    const changes: number[][] = [];
    let updates = 0;
    mine.on('change', ({ removed }: { removed: number[] }) => changes.push(removed));
    mine.on('update', () => updates++);
    forgetPresence(mine, theirs.clientID);
    expect(readPresence(mine).map((p) => p.user.name)).toEqual(['Sam Sample']);
    expect(changes).toEqual([[theirs.clientID]]);
    // Not relayed to colleagues (y-webrtc sends what 'update' reports).
    expect(updates).toBe(0);

    // Back with the same session and the clock it had: shown again (removeAwarenessStates would
    // have raised the clock here, and this would be ignored).
    applyAwarenessUpdate(mine, sent, 'peer');
    expect(readPresence(mine).map((p) => p.user.name)).toEqual(['Sam Sample', 'Jo Example']);
  });

  it('never forgets this page’s own presence, and ignores a client it never saw', () => {
    const mine = createAwareness(new Y.Doc());
    setPresence(mine, { name: 'Sam Sample', agency: 'Children’s Social Care' }, 'family');
    forgetPresence(mine, mine.clientID);
    forgetPresence(mine, 12345);
    expect(readPresence(mine).map((p) => p.user.name)).toEqual(['Sam Sample']);
  });
});
