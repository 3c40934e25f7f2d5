/**
 * Whether a storage change touches the connection settings (lib/settings/network.ts keeps them
 * under `network`), after which the background shares its copies afresh.
 */
import type { AreaChanges } from '../platform/key-value-area.ts';

const NETWORK_KEY = 'network';

export function touchesNetworkSettings(changes: AreaChanges): boolean {
  return NETWORK_KEY in changes;
}
