/** The words of the always-visible status line, from the save state, the peer status and the relay's. */
import type { SaveState } from './save-state.ts';
import type { PeerStatus } from './peer-sync.ts';
import type { RelayStatus } from './relay/relay-sync.ts';
import { laterContact } from './peer-contact.ts';
import type { MissingEdits } from './device-progress.ts';
import type { MembershipState } from '../membership/index.ts';

export interface SyncText {
  saved: string;
  /** '' when the plan is not shared. */
  peers: string;
}

export function describeSync(save: SaveState, peers: PeerStatus | null): SyncText {
  const saved = { loading: 'Opening…', saving: 'Saving…', saved: 'Saved on this device', error: 'Not saved' }[save.kind];
  if (!peers) return { saved, peers: '' };
  if (peers.signaling === 'offline') return { saved, peers: 'Offline: changes will sync when you reconnect' };
  if (peers.signaling === 'connecting') return { saved, peers: 'Connecting…' };
  if (peers.peers === 0) return { saved, peers: 'Online, no colleagues connected' };
  return { saved, peers: `Online with ${peers.peers} ${peers.peers === 1 ? 'colleague' : 'colleagues'}` };
}

/** What the relay part of the status line says (each '' when there is nothing to say). */
export interface RelayText {
  /** "sent to the relay 2 min ago · 3 edits waiting to send" */
  relay: string;
  /** "Received 14 edits from colleagues since you last opened", or that the relay was restored. */
  news: string;
  /** "Last in touch with colleagues 3 days ago" */
  lastInTouch: string;
  /** Envelopes that did not open and were ignored. */
  warning: string;
}

/** Not in touch with anyone for this long, the status line says since when. */
export const OUT_OF_TOUCH_AFTER_MS = 60 * 60 * 1000;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "just now", "2 min ago", "3 hours ago", "3 days ago". */
export function timeAgo(then: number, now: number): string {
  const ms = Math.max(0, now - then);
  if (ms < MINUTE) return 'just now';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min ago`;
  if (ms < DAY) return `${plural(Math.floor(ms / HOUR), 'hour')} ago`;
  return `${plural(Math.floor(ms / DAY), 'day')} ago`;
}

/** The relay's part of the status line; `now` in ms (the clock is passed in). */
export function describeRelay(relay: RelayStatus | null, peers: PeerStatus | null, now: number): RelayText {
  if (!relay) return { relay: '', news: '', lastInTouch: '', warning: '' };
  const parts: string[] = [];
  const offline = relay.connection === 'offline';
  if (relay.problem) parts.push(relay.problem);
  // Reachability first: "sent just now" alone would read as if the relay were there now.
  if (offline && !relay.problem) parts.push('the relay cannot be reached');
  if (relay.lastSentAt !== null) parts.push(`${offline ? 'last sent' : 'sent'} to the relay ${timeAgo(relay.lastSentAt, now)}`);
  if (relay.waiting > 0) parts.push(`${plural(relay.waiting, 'edit')} waiting to send`);
  if (parts.length === 0) {
    if (relay.connection === 'connecting' || !relay.caughtUp) parts.push('connecting to the relay…');
    else parts.push('up to date with the relay');
  }
  const news = [
    relay.received > 0 ? `Received ${plural(relay.received, 'edit')} from colleagues since you last opened` : '',
    relay.restored ? 'Restored the relay’s copy from this device' : '',
  ].filter(Boolean).join('. ');
  const inTouchNow = (relay.connection === 'online' && relay.caughtUp) || (peers?.peers ?? 0) > 0;
  const lastHeard = laterContact(relay.lastHeardAt, peers?.lastContactAt ?? null);
  const lastInTouch = !inTouchNow && lastHeard !== null && now - lastHeard >= OUT_OF_TOUCH_AFTER_MS ? `Last in touch with colleagues ${timeAgo(lastHeard, now)}` : '';
  const warning =
    relay.dropped > 0
      ? `${relay.dropped === 1 ? 'An edit' : `${relay.dropped} edits`} from the relay could not be opened and ${relay.dropped === 1 ? 'was' : 'were'} ignored: ${relay.dropped === 1 ? 'it' : 'they'} may have been tampered with. Your plan is unchanged.`
      : '';
  return { relay: parts.join(' · '), news, lastInTouch, warning };
}

/**
 * Colleagues' edits announced (per-device counters, device-progress.ts) that have not arrived:
 * "3 edits from Asha Patel’s device (Riverside Primary) have not reached you yet", one line per
 * device, named from the plan's verified membership.
 */
export function describeMissing(missing: readonly MissingEdits[], membership: Pick<MembershipState, 'devices' | 'members'>): string[] {
  return missing
    .filter((m) => m.edits > 0)
    .map(({ deviceId, edits }) => {
      const memberId = membership.devices.get(deviceId)?.memberId;
      const info = membership.members.find((m) => m.memberId === memberId)?.info;
      const whose = info ? `${info.name}’s device${info.agency ? ` (${info.agency})` : ''}` : 'a colleague’s device';
      return `${plural(edits, 'edit')} from ${whose} ${edits === 1 ? 'has' : 'have'} not reached you yet`;
    });
}
