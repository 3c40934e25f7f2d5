/**
 * Presence over y-protocols awareness: who is here (name, agency, a colour), and which section of
 * the plan each is in. Colleagues' cursors are not drawn inside fields: y-prosemirror's cursor
 * plugin, as it was set up, published this member's cursor under a field name nothing read, so it
 * drew nothing and only sent a presence update on every keystroke and every colleague's move.
 */
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

export interface PresenceUser {
  name: string;
  agency: string;
  /** A colour with at least 4.5:1 contrast on white (for names and cursor labels). */
  color: string;
}

export interface PeerPresence {
  clientId: number;
  user: PresenceUser;
  section: string;
  self: boolean;
}

/** Dark enough for white text and for text on white (WCAG AA). */
const COLOURS = ['#1d4f91', '#a3195b', '#005a30', '#6f3c96', '#8a3b00', '#00606a', '#4c2c92', '#7a1d1d'];

/** Whether `colour` is one of the palette's: only those ever reach a `style` attribute. */
export function isPaletteColour(colour: unknown): colour is string {
  return typeof colour === 'string' && COLOURS.includes(colour);
}

/** A stable colour per client, so a colleague keeps their colour for the whole meeting. */
export function colourFor(clientId: number): string {
  return COLOURS[clientId % COLOURS.length]!;
}

export function createAwareness(doc: Y.Doc): Awareness {
  return new Awareness(doc);
}

/**
 * Forgets a colleague's presence here, at once (their connection closed), so that it is shown no
 * more and is taken again as soon as they come back. y-protocols' removeAwarenessStates would
 * instead raise the entry's clock, so their returning session's presence, sent with the clock it
 * had, would be ignored until it renewed twice (up to 30 s); and it would broadcast the removal to
 * colleagues still connected to them. So the entry and its clock go, and only this page's views
 * hear of it ('change', not 'update', which y-webrtc relays).
 */
export function forgetPresence(awareness: Awareness, clientId: number): void {
  if (clientId === awareness.clientID || !awareness.meta.has(clientId)) return;
  const present = awareness.states.has(clientId);
  awareness.states.delete(clientId);
  awareness.meta.delete(clientId);
  if (present) awareness.emit('change', [{ added: [], updated: [], removed: [clientId] }, 'connection closed']);
}

/** Sets this member's presence: who they are and where they are in the plan. */
export function setPresence(awareness: Awareness, user: { name: string; agency: string }, section: string): void {
  awareness.setLocalStateField('user', { name: user.name || 'Unnamed member', agency: user.agency, color: colourFor(awareness.clientID) } satisfies PresenceUser);
  awareness.setLocalStateField('section', section);
}

/** Everyone present, this member first, each once. States without a user are skipped. */
export function readPresence(awareness: Awareness): PeerPresence[] {
  const out: PeerPresence[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = state.user as Partial<PresenceUser> | undefined;
    if (!user || typeof user.name !== 'string') return;
    out.push({
      clientId,
      user: { name: user.name, agency: typeof user.agency === 'string' ? user.agency : '', color: isPaletteColour(user.color) ? user.color : colourFor(clientId) },
      section: typeof state.section === 'string' ? state.section : '',
      self: clientId === awareness.clientID,
    });
  });
  return out.sort((a, b) => Number(b.self) - Number(a.self) || a.user.name.localeCompare(b.user.name, 'en-GB'));
}
