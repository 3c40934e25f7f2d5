/**
 * Where sync finds colleagues: the signaling servers and the ICE servers (STUN/TURN, for
 * organisations whose networks block direct connections) for live WebRTC, and the relay that
 * stores and forwards sealed edits for members who are not online together. `relayOnly` skips
 * WebRTC, so colleagues never learn each other's IP addresses. An organisation can set them for all
 * its staff (lib/settings/managed.ts).
 *
 * A build has no servers by default: an address on this computer made Share look ready while no
 * colleague could ever be reached, so Share says a server is missing instead
 * (lib/settings/share-needs.ts). Only `npm run dev` builds with its local server as the default
 * (WXT_DEV_SIGNALING / WXT_DEV_RELAY, set by scripts/dev.mjs; never by `npm test`'s build).
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

/** What the build was given: the local server's addresses for `npm run dev`, nothing otherwise. */
export interface BuildServers {
  WXT_DEV_SIGNALING?: string;
  WXT_DEV_RELAY?: string;
}

/** The settings a member starts with on a build made with `env` (none unless a dev build). */
export function defaultNetwork(env: BuildServers): NetworkSettings {
  const signaling = env.WXT_DEV_SIGNALING?.trim();
  return Object.freeze({ signaling: signaling ? [signaling] : [], iceServers: [], relay: env.WXT_DEV_RELAY?.trim() ?? '', relayOnly: false });
}

declare global {
  interface ImportMetaEnv {
    readonly WXT_DEV_SIGNALING?: string;
    readonly WXT_DEV_RELAY?: string;
  }
}

// The one place the build's environment is read: Vite writes the values in at build time (from the
// environment of `wxt build`); in plain Node (benches) there is no import.meta.env.
export const DEFAULT_NETWORK: NetworkSettings = defaultNetwork({
  WXT_DEV_SIGNALING: import.meta.env?.WXT_DEV_SIGNALING,
  WXT_DEV_RELAY: import.meta.env?.WXT_DEV_RELAY,
});

const KEY = 'network';

export async function loadNetworkSettings(area: KeyValueArea): Promise<NetworkSettings> {
  const value = (await area.get([KEY]))[KEY] as Partial<NetworkSettings> | undefined;
  if (!value || !Array.isArray(value.signaling) || !Array.isArray(value.iceServers)) return DEFAULT_NETWORK;
  return {
    signaling: value.signaling.filter((s) => typeof s === 'string'),
    iceServers: value.iceServers.filter((s) => typeof s?.urls === 'string'),
    // Settings saved before the relay existed get the default relay (none, outside `npm run dev`).
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
 * Checks a relay address (the form's field, or an organisation's policy): '' is no relay; anything
 * else must be a ws:// or wss:// address. Returns the trimmed address, or the problem in words.
 */
export function parseRelayAddress(text: string): { relay: string } | { problem: string } {
  const relay = text.trim();
  if (relay && !ADDRESS.test(relay)) {
    return { problem: `“${relay}” is not a relay address: it should start with wss:// (or ws:// on this computer), for example wss://relay.example.org/relay.` };
  }
  return { relay };
}

/**
 * Reads the settings form: one signaling address per line (ws:// or wss://), one ICE server per
 * line as `url` or `url username credential`, the relay's address (empty for none) and whether to
 * sync through the relay only. A signaling server or a relay is needed (either reaches colleagues).
 * Returns the settings, or the problems to show.
 */
export function parseNetworkSettings(
  signalingText: string,
  iceText: string,
  relayText = '',
  relayOnly = false,
): { settings?: NetworkSettings; problems: { field: NetworkField; message: string }[] } {
  const problems: { field: NetworkField; message: string }[] = [];
  const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
  const signaling = lines(signalingText);
  const relayResult = parseRelayAddress(relayText);
  const relay = 'relay' in relayResult ? relayResult.relay : relayText.trim();
  if (signaling.length === 0 && !relay) problems.push({ field: 'signaling', message: 'Enter at least one signaling server address, or a relay address below.' });
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
  if ('problem' in relayResult) problems.push({ field: 'relay', message: relayResult.problem });
  else if (!relay && relayOnly) problems.push({ field: 'relay', message: 'Relay only needs a relay address: enter one, or untick “Relay only”.' });
  return problems.length ? { problems } : { settings: { signaling, iceServers, relay, relayOnly }, problems };
}
