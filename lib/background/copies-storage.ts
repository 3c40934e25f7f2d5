/**
 * What the background copies read of extension storage: the plan list (lib/library/plan-index.ts,
 * for the shared plans and their secrets) and the connection settings (lib/settings/network.ts
 * keeps them under `network`). Chrome's offscreen document reaches only these, through the service
 * worker (lib/platform/relayed-area.ts).
 */
import type { AreaChanges } from '../platform/key-value-area.ts';
import { touchesPlanIndex } from '../library/plan-index.ts';

const NETWORK_KEY = 'network';

/** True when a storage change touches the connection settings, after which copies are shared afresh. */
export function touchesNetworkSettings(changes: AreaChanges): boolean {
  return NETWORK_KEY in changes;
}

const inPlanList = (key: string) => touchesPlanIndex({ [key]: {} });

/**
 * What the background copies read (and hear changes of): the plan list and the connection
 * settings; what they write: the plan list's entries, which follow their documents as in a page.
 */
export const BACKGROUND_COPIES_KEYS = {
  reads: (key: string): boolean => key === NETWORK_KEY || inPlanList(key),
  writes: inPlanList,
};
