/**
 * The offscreen document's start (Chrome): the background copies over the browser's storage, the
 * pages' Web Locks, this device's plan databases and the connection settings; colleagues' edits
 * that arrive ask the service worker to count deadlines again.
 */
import { browserLocalArea } from '../platform/key-value-area.ts';
import { webLockHolds } from '../platform/plan-holds.ts';
import { browserRecheckRequests } from '../platform/badge-refresh.ts';
import { openPlanSession } from '../sync/plan-session.ts';
import { loadNetworkSettings } from '../settings/network.ts';
import { keepBackgroundCopies, type BackgroundCopies } from './background-copies.ts';

export function startBackgroundCopies(): BackgroundCopies {
  const area = browserLocalArea();
  const requests = browserRecheckRequests();
  return keepBackgroundCopies({
    area,
    holds: webLockHolds(),
    open: openPlanSession,
    network: () => loadNetworkSettings(area),
    recheck: () => void requests.request(),
  });
}
