/**
 * When a plan opened only to pull (Firefox's background page) has caught up with colleagues.
 *
 * Over WebRTC there is no "you have everything" message: the copy waits until a colleague's browser
 * is connected and then until no change has arrived for a quiet spell (y-webrtc exchanges state
 * vectors as a connection opens, and peer-sync repeats that every few seconds), or until the time
 * is up, with no colleague online, say. This is the one seam where the relay transport's
 * `pullOnce()` plugs in: a pull with a definite end replaces the wait (see `CatchUp`).
 */
import type { BackgroundSession } from './shared-plans.ts';
import { onDocChanges } from './shared-plans.ts';

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
