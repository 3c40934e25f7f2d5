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

/**
 * How long Share waits for the organisation's settings before saying what the member's own lack.
 * Chromium gives extensions their managed storage some seconds after the browser starts (about 6
 * here), and now and then not for minutes (it did not answer in 60 s in 1 of 6 runs of the
 * accessibility journey).
 */
export const POLICY_PATIENCE_MS = 5000;

/**
 * What sharing needs, waiting for the organisation's settings (`withPolicy`) at most `patienceMs`.
 * If they are late and the member's own settings (`own`) lack something, that is said at once,
 * with `policyPending` (the organisation may yet supply a server). If the member's own settings
 * would do, this waits for the organisation's however long they take: its servers are never
 * bypassed by a member's own.
 */
export async function sharingNeedsPatiently(
  identity: Identity,
  withPolicy: Promise<NetworkSettings>,
  own: () => Promise<NetworkSettings>,
  patienceMs = POLICY_PATIENCE_MS,
): Promise<{ needs: ShareNeed[]; policyPending: boolean }> {
  const late = Symbol('late');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const patience = new Promise<typeof late>((resolve) => (timer = setTimeout(() => resolve(late), patienceMs)));
  const first = await Promise.race([withPolicy, patience]).finally(() => clearTimeout(timer));
  if (first !== late) return { needs: whatSharingNeeds(identity, first), policyPending: false };
  const needs = whatSharingNeeds(identity, await own());
  if (needs.length > 0) return { needs, policyPending: true };
  return { needs: whatSharingNeeds(identity, await withPolicy), policyPending: false };
}
