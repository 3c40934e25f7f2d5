/**
 * Firefox's background pull, over the browser's alarms, storage, the pages' Web Locks, this
 * device's plan databases and the connection settings. `requests` is the background's own recheck
 * requests, so a pull that brought colleagues' edits counts deadlines again.
 */
import { browserLocalArea } from '../platform/key-value-area.ts';
import { browserManagedStorage } from '../platform/managed-storage.ts';
import { webLockHolds } from '../platform/plan-holds.ts';
import { browserAlarms } from '../platform/alarms.ts';
import type { RecheckRequests } from '../platform/badge-refresh.ts';
import { planOpener } from '../library/open-plan.ts';
import { loadConnectionSettings, readManagedPolicy } from '../settings/managed.ts';
import { SHIPPED_PROFILES } from '../rules/deadlines/profiles/index.ts';
import { syncPlanSummary } from '../library/summary-sync.ts';
import { catchUp } from './catch-up.ts';
import { pullSharedPlans } from './pull-shared-plans.ts';
import { registerBackgroundPull } from './register-background-pull.ts';

export function startBackgroundPull(requests: RecheckRequests): () => void {
  const area = browserLocalArea();
  const managed = browserManagedStorage();
  return registerBackgroundPull({
    alarms: browserAlarms(),
    pull: () =>
      pullSharedPlans({
        area,
        holds: webLockHolds(),
        open: planOpener(area),
        // The organisation's servers come before the member's own, as in a page.
        network: async () => loadConnectionSettings(area, readManagedPolicy(await managed.read(), SHIPPED_PROFILES.map((p) => p.id))),
        // Through the relay's pullOnce() where a relay is set; otherwise by waiting for peers.
        catchUp: catchUp(),
        recheck: () => void requests.request(),
        whileOpen: (session) => syncPlanSummary(area, session.planId, session.doc),
      }),
  });
}
