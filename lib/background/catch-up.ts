/**
 * When a plan opened only to pull (Firefox's background page) has caught up with colleagues.
 *
 * Over WebRTC there is no "you have everything" message: the copy waits until a colleague's browser
 * is connected and then until no change has arrived for a quiet spell (y-webrtc exchanges state
 * vectors as a connection opens, and peer-sync repeats that every few seconds), or until the time
 * is up, with no colleague online, say. Through the relay there is: `pullOnce()` resolves once this
 * copy has everything the relay holds and the relay has acknowledged every edit waiting in the
 * plan's outbox (a panel closed right after typing may have left some), so a plan shared where a
 * relay is set catches up through it (`catchUp`) and only a plan without one waits for peers.
 */
import type { BackgroundSession } from './shared-plans.ts';
import { onDocChanges } from './shared-plans.ts';
import type { RelaySync } from '../sync/relay/relay-sync.ts';

/** How a shared, open plan is brought up to date before it is closed again. */
export type CatchUp = (session: BackgroundSession) => Promise<CatchUpResult>;

export type CatchUpResult = 'caught-up' | 'timed-out';

export interface PeerCatchUpOptions {
  /** The longest the plan stays open. */
  timeoutMs?: number;
  /** Quiet this long after a colleague connects counts as caught up. */
  quietMs?: number;
}

const TIMEOUT_MS = 20_000;
const QUIET_MS = 4_000;

/**
 * Through the relay when the plan's session has one (a definite end); by waiting for peers when it
 * has none, or when the relay could not be reached and WebRTC is on (the default relay address
 * with no relay there, say).
 */
export function catchUp(options: PeerCatchUpOptions = {}): CatchUp {
  const withPeers = catchUpWithPeers(options);
  return async (session) => {
    if (!session.relay) return withPeers(session);
    const result = await catchUpWithRelay(session.relay, options.timeoutMs ?? TIMEOUT_MS);
    return result === 'caught-up' || !session.peers ? result : withPeers(session);
  };
}

/** One pull from the relay; unreachable, refused or too slow counts as timed out (the next alarm tries again). */
export async function catchUpWithRelay(relay: Pick<RelaySync, 'pullOnce'>, timeoutMs = TIMEOUT_MS): Promise<CatchUpResult> {
  try {
    await relay.pullOnce(timeoutMs);
    return 'caught-up';
  } catch {
    return 'timed-out';
  }
}

export function catchUpWithPeers(options: PeerCatchUpOptions = {}): CatchUp {
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const quietMs = options.quietMs ?? QUIET_MS;
  return (session) =>
    new Promise<CatchUpResult>((resolve) => {
      const stops: (() => void)[] = [];
      let quiet: ReturnType<typeof setTimeout> | undefined;
      const finish = (result: CatchUpResult) => {
        clearTimeout(quiet);
        clearTimeout(deadline);
        stops.forEach((stop) => stop());
        resolve(result);
      };
      const deadline = setTimeout(() => finish('timed-out'), timeoutMs);
      const connected = () => (session.peers?.status.peers ?? 0) > 0;
      const restartQuiet = () => {
        if (!connected()) return;
        clearTimeout(quiet);
        quiet = setTimeout(() => finish(connected() ? 'caught-up' : 'timed-out'), quietMs);
      };
      stops.push(onDocChanges(session, restartQuiet));
      if (session.peers) stops.push(session.peers.onStatus(restartQuiet));
      restartQuiet();
    });
}
