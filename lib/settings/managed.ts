/**
 * What an organisation sets for all its staff through managed storage (Chrome enterprise policy
 * `3rdparty.extensions.<id>`, Firefox policies.json `3rdparty.Extensions.<id>`), so IT configures
 * the servers and the default timescale profile once. The keys and their shapes are described to
 * Chrome in public/managed-schema.json:
 *
 * - `signaling`: signaling server addresses (ws:// or wss://);
 * - `iceServers`: STUN/TURN servers, `{ urls, username?, credential? }` (TURN needs both);
 * - `relay`: the relay's address, and `relayOnly`: use only the relay (never direct connections);
 * - `defaultProfile`: the id of the shipped timescale profile new plans start with.
 *
 * A managed value overrides the member's own and is shown as "Set by your organisation", read-only.
 * Managed storage is outside the extension's control and is read like any untrusted input: a value
 * of the wrong shape is ignored with a note saying which and why, and never stops the app.
 */
import type { KeyValueArea } from '../platform/key-value-area.ts';
import { loadNetworkSettings, parseNetworkSettings, parseRelayAddress, type IceServer, type NetworkSettings } from './network.ts';

export const MANAGED_KEYS = ['signaling', 'iceServers', 'relay', 'relayOnly', 'defaultProfile'] as const;
export type ManagedKey = (typeof MANAGED_KEYS)[number];

export interface ManagedSettings {
  signaling?: string[];
  iceServers?: IceServer[];
  relay?: string;
  relayOnly?: boolean;
  defaultProfile?: string;
}

export interface ManagedPolicy {
  /** The valid managed values; a key is present only when the organisation set it well. */
  settings: ManagedSettings;
  /** One note per managed value that was ignored, in words for the settings page. */
  ignored: { key: ManagedKey; message: string }[];
}

export const NO_POLICY: ManagedPolicy = Object.freeze({ settings: Object.freeze({}), ignored: Object.freeze([]) as unknown as ManagedPolicy['ignored'] });

/** What each key is called on the settings page, for the notes about ignored values. */
const NAMES: Record<ManagedKey, string> = {
  signaling: 'signaling servers',
  iceServers: 'STUN and TURN servers',
  relay: 'relay server',
  relayOnly: '“use only the relay”',
  defaultProfile: 'default timescale profile',
};

type Check = (value: unknown, profileIds: readonly string[]) => { value: unknown } | { problem: string };

const isText = (v: unknown): v is string => typeof v === 'string';
/** One field of a server entry: text with no spaces (the settings form separates fields by spaces). */
const isWord = (v: unknown): v is string => isText(v) && v.length > 0 && !/\s/.test(v);

const CHECKS: Record<ManagedKey, Check> = {
  signaling(value) {
    if (!Array.isArray(value) || value.length === 0 || !value.every(isWord)) return { problem: 'it should be a list of addresses starting with wss://.' };
    const { settings, problems } = parseNetworkSettings(value.join('\n'), '');
    return settings ? { value: settings.signaling } : { problem: problems[0]!.message };
  },
  iceServers(value) {
    const entries = Array.isArray(value) ? value : [];
    const fields = entries.map((s: unknown) => (typeof s === 'object' && s !== null ? [(s as IceServer).urls, (s as IceServer).username, (s as IceServer).credential] : []));
    if (!Array.isArray(value) || fields.some((f) => !isWord(f[0]) || !f.slice(1).every((x) => x === undefined || isWord(x)))) {
      return { problem: 'it should be a list of servers, each with “urls” (stun: or turn:) and, for TURN, “username” and “credential”.' };
    }
    // The form's parser checks them, one line each (its signaling list is not read here).
    const lines = fields.map((f) => f.filter((x) => x !== undefined).join(' ')).join('\n');
    const { settings, problems } = parseNetworkSettings('wss://unused.invalid', lines);
    return settings ? { value: settings.iceServers } : { problem: problems[0]!.message };
  },
  relay(value) {
    if (!isWord(value)) return { problem: 'it should be an address starting with wss://.' };
    // The settings form's check: one notion of a relay address.
    const result = parseRelayAddress(value);
    return 'relay' in result ? { value: result.relay } : { problem: result.problem };
  },
  relayOnly: (value) => (typeof value === 'boolean' ? { value } : { problem: 'it should be true or false.' }),
  defaultProfile(value, profileIds) {
    if (isText(value) && profileIds.includes(value)) return { value };
    return { problem: `“${String(value)}” is not one of the timescale profiles that come with the extension (${profileIds.join(', ')}).` };
  },
};

/**
 * Reads what managed storage holds (`raw`: whatever the browser returned, `{}` when no policy is
 * set). `profileIds` are the shipped profiles' ids, the only ones an organisation can name.
 */
export function readManagedPolicy(raw: unknown, profileIds: readonly string[]): ManagedPolicy {
  if (typeof raw !== 'object' || raw === null) return NO_POLICY;
  const settings: Record<string, unknown> = {};
  const ignored: ManagedPolicy['ignored'] = [];
  for (const key of MANAGED_KEYS) {
    if (!(key in raw)) continue;
    const result = CHECKS[key]((raw as Record<string, unknown>)[key], profileIds);
    if ('value' in result) settings[key] = result.value;
    else ignored.push({ key, message: `Your organisation’s ${NAMES[key]} setting was ignored, because ${result.problem.replace(/^“/, 'the value “').replace(/^The /, 'the ')} Ask your IT team to correct it.` });
  }
  return { settings: settings as ManagedSettings, ignored };
}

/** True when the organisation sets `key` (the setting is shown read-only). */
export function isManaged(policy: ManagedPolicy, key: ManagedKey): boolean {
  return policy.settings[key] !== undefined;
}

/** The connection settings in use: the organisation's values over the member's own, key by key. */
export function layerNetwork(own: NetworkSettings, policy: ManagedPolicy): NetworkSettings {
  const { signaling, iceServers, relay, relayOnly } = policy.settings;
  return {
    signaling: signaling ?? own.signaling,
    iceServers: iceServers ?? own.iceServers,
    relay: relay ?? own.relay,
    relayOnly: relayOnly ?? own.relayOnly,
  };
}

/** The connection settings in use on this device: the member's saved ones under the organisation's. */
export async function loadConnectionSettings(area: KeyValueArea, policy: ManagedPolicy): Promise<NetworkSettings> {
  return layerNetwork(await loadNetworkSettings(area), policy);
}
