/**
 * Which peer connections have gone quiet. A WebRTC data channel can die in one direction only (seen
 * after a reconnect: our messages reach a colleague, theirs never reach us), and y-webrtc still
 * counts it as connected. A healthy colleague is never quiet for long: every browser sends each
 * peer its state vector every few seconds (anti-entropy, lib/sync/peer-sync.ts) and answers ours,
 * so a connection we have heard nothing on for `quietAfterMs` is dead towards us.
 */
export interface PeerLiveness<Conn extends object> {
  /** Something arrived on `conn`. */
  heard(conn: Conn): void;
  /**
   * Whether `conn` has been quiet for `quietAfterMs`. The first call for a connection starts its
   * clock (a connection is given the full time from when it is first seen connected).
   */
  isQuiet(conn: Conn): boolean;
}

export function peerLiveness<Conn extends object>(quietAfterMs: number, now: () => number): PeerLiveness<Conn> {
  const lastHeard = new WeakMap<Conn, number>();
  return {
    heard(conn) {
      lastHeard.set(conn, now());
    },
    isQuiet(conn) {
      const last = lastHeard.get(conn);
      if (last === undefined) {
        lastHeard.set(conn, now());
        return false;
      }
      return now() - last >= quietAfterMs;
    },
  };
}
