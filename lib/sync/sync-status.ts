/** The words of the always-visible status line, from the save state and the peer status. */
import type { SaveState } from './save-state.ts';
import type { PeerStatus } from './peer-sync.ts';

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
