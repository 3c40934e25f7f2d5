/**
 * Where peer sync finds colleagues: the signaling servers and the ICE servers (STUN/TURN, for
 * organisations whose networks block direct connections). Defaults to none: an address on this
 * computer would make sharing look ready while no colleague could ever be found, so Share says a
 * server is missing instead (lib/settings/share-needs.ts). An organisation can set them for all its
 * staff (lib/settings/managed.ts).
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
}

export const DEFAULT_NETWORK: NetworkSettings = Object.freeze({ signaling: [], iceServers: [] });

const KEY = 'network';

export async function loadNetworkSettings(area: KeyValueArea): Promise<NetworkSettings> {
  const value = (await area.get([KEY]))[KEY] as Partial<NetworkSettings> | undefined;
  if (!value || !Array.isArray(value.signaling) || !Array.isArray(value.iceServers)) return DEFAULT_NETWORK;
  return { signaling: value.signaling.filter((s) => typeof s === 'string'), iceServers: value.iceServers.filter((s) => typeof s?.urls === 'string') };
}

export async function saveNetworkSettings(area: KeyValueArea, settings: NetworkSettings): Promise<void> {
  await area.set({ [KEY]: settings });
}

/**
 * Reads the settings form: one signaling address per line (ws:// or wss://), and one ICE server per
 * line as `url` or `url username credential`. Returns the settings, or the problems to show.
 */
export function parseNetworkSettings(signalingText: string, iceText: string): { settings?: NetworkSettings; problems: { field: 'signaling' | 'iceServers'; message: string }[] } {
  const problems: { field: 'signaling' | 'iceServers'; message: string }[] = [];
  const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
  const signaling = lines(signalingText);
  if (signaling.length === 0) problems.push({ field: 'signaling', message: 'Enter at least one signaling server address.' });
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
  return problems.length ? { problems } : { settings: { signaling, iceServers }, problems };
}
