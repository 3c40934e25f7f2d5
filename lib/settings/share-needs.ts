/**
 * What sharing a plan still needs on this device, so Share can say so plainly and take the member
 * to the setting: a way to reach colleagues (a signaling server, or the relay once set) and a name
 * colleagues will know them by. Both can come from the member or from the organisation (managed).
 */
import type { Identity } from './identity.ts';
import type { NetworkSettings } from './network.ts';

export type ShareNeed = 'server' | 'name';

export function whatSharingNeeds(identity: Identity, network: NetworkSettings & { relay?: string }): ShareNeed[] {
  const needs: ShareNeed[] = [];
  if (network.signaling.length === 0 && !network.relay) needs.push('server');
  if (identity.name.trim() === '') needs.push('name');
  return needs;
}
