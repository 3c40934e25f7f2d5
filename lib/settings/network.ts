/**
 * Where sync finds colleagues: the signaling servers and the ICE servers (STUN/TURN, for
 * organisations whose networks block direct connections) for live WebRTC, and the relay that
 * stores and forwards sealed edits for members who are not online together. `relayOnly` skips
 * WebRTC, so colleagues never learn each other's IP addresses. Defaults to the local server.
 */
import type { KeyValueArea } from '../platform/key-value-area.ts';

export interface IceServer {
  urls: string;
  username?: string;
  credential?: string;
}

export interface NetworkSettings {
  signaling: string[];
  iceServers: IceServer[];
  /** The relay's address (ws:// or wss://), or '' for none. */
  relay: string;
  /** Sync through the relay only: no WebRTC. */
  relayOnly: boolean;
}

/** The local server (`npm run dev` / `npm run server`: signaling and /relay on one port). */
export const DEFAULT_NETWORK: NetworkSettings = Object.freeze({ signaling: ['ws://127.0.0.1:4444'], iceServers: [], relay: 'ws://127.0.0.1:4444/relay', relayOnly: false });

const KEY = 'network';

export async function loadNetworkSettings(area: KeyValueArea): Promise<NetworkSettings> {
  const value = (await area.get([KEY]))[KEY] as Partial<NetworkSettings> | undefined;
  if (!value || !Array.isArray(value.signaling) || !Array.isArray(value.iceServers)) return DEFAULT_NETWORK;
  return {
    signaling: value.signaling.filter((s) => typeof s === 'string'),
    iceServers: value.iceServers.filter((s) => typeof s?.urls === 'string'),
    // Settings saved before the relay existed get the default relay.
    relay: typeof value.relay === 'string' ? value.relay : DEFAULT_NETWORK.relay,
    relayOnly: value.relayOnly === true,
  };
}

export async function saveNetworkSettings(area: KeyValueArea, settings: NetworkSettings): Promise<void> {
  await area.set({ [KEY]: settings });
}

export type NetworkField = 'signaling' | 'iceServers' | 'relay';

const ADDRESS = /^wss?:\/\/[^\s/?#]+(\/[^\s#]*)?$/;

/**
 * Reads the settings form: one signaling address per line (ws:// or wss://), one ICE server per
 * line as `url` or `url username credential`, the relay's address (empty for none) and whether to
 * sync through the relay only. Returns the settings, or the problems to show.
 */
export function parseNetworkSettings(
  signalingText: string,
  iceText: string,
  relayText: string = DEFAULT_NETWORK.relay,
  relayOnly = false,
): { settings?: NetworkSettings; problems: { field: NetworkField; message: string }[] } {
  const problems: { field: NetworkField; message: string }[] = [];
  const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
  const signaling = lines(signalingText);
  if (signaling.length === 0 && !relayOnly) problems.push({ field: 'signaling', message: 'Enter at least one signaling server address.' });
  for (const url of signaling) {
    if (!/^wss?:\/\/[^\s/]+/.test(url)) problems.push({ field: 'signaling', message: `“${url}” is not a signaling address: it should start with wss:// (or ws:// on this computer).` });
  }
  const iceServers: IceServer[] = [];
  for (const line of lines(iceText)) {
    const [urls, username, credential] = line.split(/\s+/);
    if (!urls || !/^(stun|stuns|turn|turns):/.test(urls)) {
      problems.push({ field: 'iceServers', message: `“${line}” is not a STUN or TURN address: it should start with stun: or turn:.` });
    } else if (urls.startsWith('turn') && (!username || !credential)) {
      problems.push({ field: 'iceServers', message: `The TURN server “${urls}” needs a username and a credential after it.` });
    } else {
      iceServers.push(username ? { urls, username, credential } : { urls });
    }
  }
  const relay = relayText.trim();
  if (relay && !ADDRESS.test(relay)) {
    problems.push({ field: 'relay', message: `“${relay}” is not a relay address: it should start with wss:// (or ws:// on this computer), for example wss://relay.example.org/relay.` });
  } else if (!relay && relayOnly) {
    problems.push({ field: 'relay', message: 'Relay only needs a relay address: enter one, or untick “Relay only”.' });
  }
  return problems.length ? { problems } : { settings: { signaling, iceServers, relay, relayOnly }, problems };
}
