/**
 * A lobby through the real relay (node server/main.mjs, SQLite in a temporary directory), each
 * device's lobby in its own (fake) IndexedDB database: the joiner and the inviter are never open
 * together, yet the request and the welcome each wait on the relay until the other side comes.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { openPlanSession } from '../../../lib/sync/plan-session.ts';
import { lobbyId, openLobby, type LobbySession } from '../../../lib/membership/lobby-session.ts';
import { joinOutcome, postRequest, postWelcome, unansweredRequests } from '../../../lib/membership/lobby.ts';
import { createInviteSecret } from '../../../lib/sync/invite.ts';
import type { NetworkSettings } from '../../../lib/settings/network.ts';
import { freePort, stopAll, waitFor } from '../server/helpers.ts';
import { startRelay, tempDir, type RelayServer } from '../server/relay-helpers.ts';

const temp = tempDir('lobby-');
let relay: RelayServer;
let network: NetworkSettings;
const savedWebSocket = globalThis.WebSocket;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  // The page's WebSocket, in Node: the relay client opens its connection with the global one.
  globalThis.WebSocket = class extends WebSocket {
    constructor(url: string) {
      super(url, { perMessageDeflate: false });
    }
  } as never;
  relay = await startRelay({ RELAY_DATA_DIR: path.join(temp.dir, String(Math.random())), PORT: String(await freePort()) });
  network = { signaling: [], iceServers: [], relay: relay.relayUrl, relayOnly: true };
});
afterEach(async () => {
  await relay.stop();
  globalThis.WebSocket = savedWebSocket;
});
afterAll(async () => {
  await stopAll();
  temp.cleanup();
});

/** A device's lobby: stored in a database of its own (two devices share this process's IndexedDB). */
const open = (device: string, token: string) => openLobby(token, network, (id) => openPlanSession(`${id}-${device}`));

/** Waits until everything this lobby wrote is acknowledged by the relay. */
async function sent(lobby: LobbySession) {
  await waitFor(() => lobby.session.relay?.status.waiting === 0 && lobby.session.relay.status.lastSentAt !== null, 10_000, 'the relay to acknowledge');
}

const JOINER = 'c'.repeat(32);

it('a request and its welcome wait on the relay for a device that is not online', async () => {
  const token = createInviteSecret();
  expect(await lobbyId(token)).toMatch(/^lobby-[0-9a-f]{32}$/);

  const joiner = await open('joiner', token);
  postRequest(joiner.doc, JOINER, new Uint8Array([1, 2, 3]));
  await sent(joiner);
  await joiner.close();

  const inviter = await open('inviter', token);
  await waitFor(() => unansweredRequests(inviter.doc).length === 1, 10_000, 'the request to arrive');
  expect(unansweredRequests(inviter.doc)[0]).toEqual({ deviceId: JOINER, bytes: new Uint8Array([1, 2, 3]) });
  postWelcome(inviter.doc, JOINER, new Uint8Array([9, 9]));
  await sent(inviter);
  await inviter.close();

  const again = await open('joiner', token);
  await waitFor(() => joinOutcome(again.doc, JOINER).kind === 'welcomed', 10_000, 'the welcome to arrive');
  expect(joinOutcome(again.doc, JOINER)).toEqual({ kind: 'welcomed', sealed: new Uint8Array([9, 9]) });
  await again.close();
});

it('a lobby is not a plan: another token’s lobby sees nothing of it', async () => {
  const first = await open('one', createInviteSecret());
  postRequest(first.doc, JOINER, new Uint8Array([1]));
  await sent(first);
  await first.close();
  const other = await open('two', createInviteSecret());
  await waitFor(() => other.session.relay?.status.caughtUp === true, 10_000, 'the other lobby to catch up');
  expect(unansweredRequests(other.doc)).toEqual([]);
  await other.close();
});
