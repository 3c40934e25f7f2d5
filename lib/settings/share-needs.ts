/**
 * What sharing a plan still needs on this device, so Share can say so plainly and take the member
 * to the setting: a way to reach colleagues (a signaling server or a relay, either suffices; with
 * "relay only", the relay) and a name colleagues will know them by. Both can come from the member
 * or from the organisation (managed).
 */
import type { Identity } from './identity.ts';
import type { NetworkSettings } from './network.ts';

export type ShareNeed = 'server' | 'name';

export function whatSharingNeeds(identity: Identity, network: NetworkSettings): ShareNeed[] {
  const needs: ShareNeed[] = [];
  const reachable = network.relayOnly ? network.relay !== '' : network.signaling.length > 0 || network.relay !== '';
  if (!reachable) needs.push('server');
  if (identity.name.trim() === '') needs.push('name');
  return needs;
}
