/**
 * A lobby opened on this device: its Y.Doc, stored in its own database and synced exactly like a
 * plan, in the rooms its invitation token names (WebRTC when both devices are online, the relay
 * otherwise: a request or a welcome waits there until the other side comes). A lobby is never
 * listed as a plan. `open` is the plan session opener (tests pass one with their own storage).
 */
import type * as Y from 'yjs';
import { deriveRoomKeys } from '../sync/invite.ts';
import { openPlanSession, type PlanSession } from '../sync/plan-session.ts';
import type { NetworkSettings } from '../settings/network.ts';

export interface LobbySession {
  readonly doc: Y.Doc;
  readonly session: PlanSession;
  /**
   * Calls `listener` now and whenever it changes: true once the relay holds everything this device
   * wrote in the lobby (so it waits there for the other side); always false without a relay.
   */
  onRelayHolds(listener: (holds: boolean) => void): () => void;
  close(): Promise<void>;
}

/** The local id of a token's lobby (never a plan id: plan ids are 32 hex characters). */
export async function lobbyId(token: string): Promise<string> {
  return `lobby-${(await deriveRoomKeys(token)).planId}`;
}

export async function openLobby(
  token: string,
  network: NetworkSettings,
  open: (id: string) => Promise<PlanSession> = openPlanSession,
): Promise<LobbySession> {
  const session = await open(await lobbyId(token));
  try {
    await session.share(token, network);
  } catch (error) {
    await session.close();
    throw error;
  }
  const holds = () => {
    const status = session.relay?.status;
    return !!status && status.waiting === 0 && status.lastSentAt !== null;
  };
  return {
    doc: session.doc,
    session,
    onRelayHolds(listener) {
      let last = holds();
      listener(last);
      return (
        session.relay?.onStatus(() => {
          if (holds() !== last) listener((last = holds()));
        }) ?? (() => {})
      );
    },
    close: () => session.close(),
  };
}
