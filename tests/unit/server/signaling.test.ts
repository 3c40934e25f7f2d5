/**
 * The signaling server speaks y-webrtc's protocol: tested against a real process with real `ws`
 * clients, and with y-webrtc's own client (WebrtcProvider → SignalingConn → lib0/websocket).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, startSignalServer, stopAll, TestClient, waitFor, type SignalServer } from './helpers.ts';

let server: SignalServer;
const clients: TestClient[] = [];

/** Opens a client that afterAll will close. */
async function client(): Promise<TestClient> {
  const opened = await TestClient.open(server.wsUrl);
  clients.push(opened);
  return opened;
}

/** Opens a client subscribed to `topics`, and makes sure the subscription has been processed. */
async function subscriber(...topics: string[]): Promise<TestClient> {
  const opened = await client();
  opened.send({ type: 'subscribe', topics });
  await opened.roundTrip();
  return opened;
}

beforeAll(async () => {
  server = await startSignalServer({ PING_INTERVAL_MS: '200' });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await stopAll();
});

describe('HTTP', () => {
  it('answers GET /health with 200 and counts only', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(['backplane', 'connections', 'status', 'topics']);
    expect(body).toMatchObject({ status: 'ok', backplane: 'off' });
  });

  it('answers a plain GET / with 426 Upgrade Required and other paths with 404', async () => {
    expect((await fetch(`${server.url}/`)).status).toBe(426);
    expect((await fetch(`${server.url}/rooms`)).status).toBe(404);
    expect((await fetch(`${server.url}/health`, { method: 'POST' })).status).toBe(404);
  });
});

describe('y-webrtc protocol', () => {
  it('answers {type:"ping"} with {type:"pong"}', async () => {
    const alice = await client();
    alice.send({ type: 'ping' });
    await waitFor(() => alice.received.length === 1);
    expect(alice.received).toEqual([{ type: 'pong' }]);
  });

  it('forwards a publish to every subscriber of its topic, the sender included, with the subscriber count', async () => {
    const alice = await subscriber('room-1');
    const bob = await subscriber('room-1');
    alice.send({ type: 'publish', topic: 'room-1', data: 'opaque' });
    const expected = { type: 'publish', topic: 'room-1', data: 'opaque', clients: 2 };
    await waitFor(() => bob.publishesTo('room-1').length === 1 && alice.publishesTo('room-1').length === 1);
    expect(bob.publishesTo('room-1')).toEqual([expected]);
    expect(alice.publishesTo('room-1')).toEqual([expected]);
  });

  it('forwards a publish unchanged apart from clients, whatever extra fields and data it carries', async () => {
    const alice = await subscriber('room-extra');
    const message = { type: 'publish', topic: 'room-extra', data: { to: 'x', signal: { sdp: 'v=0' } }, extra: [1, null], clients: 99 };
    alice.send(message);
    await waitFor(() => alice.publishesTo('room-extra').length === 1);
    expect(alice.publishesTo('room-extra')[0]).toEqual({ ...message, clients: 1 });
  });

  it('delivers a publish only to subscribers of that topic', async () => {
    const alice = await subscriber('room-2');
    const eve = await subscriber('room-3');
    const publisher = await client(); // publishing does not require a subscription, as with the stock server
    publisher.send({ type: 'publish', topic: 'room-2', data: 1 });
    await waitFor(() => alice.publishesTo('room-2').length === 1);
    await eve.roundTrip();
    await publisher.roundTrip();
    expect(eve.received.filter((m) => (m as { type: string }).type === 'publish')).toEqual([]);
    expect(publisher.received).toEqual([{ type: 'pong' }]);
  });

  it('stops delivering to a client once it unsubscribes', async () => {
    const alice = await subscriber('room-4');
    const bob = await subscriber('room-4');
    bob.send({ type: 'unsubscribe', topics: ['room-4'] });
    await bob.roundTrip();
    alice.send({ type: 'publish', topic: 'room-4', data: 'after' });
    await waitFor(() => alice.publishesTo('room-4').length === 1);
    await bob.roundTrip();
    expect(bob.publishesTo('room-4')).toEqual([]);
    expect(alice.publishesTo('room-4')[0]).toMatchObject({ clients: 1 });
  });

  it('forgets a client that disconnects', async () => {
    const alice = await subscriber('room-5');
    const bob = await subscriber('room-5');
    bob.close();
    await sleep(100);
    alice.send({ type: 'publish', topic: 'room-5', data: 'x' });
    await waitFor(() => alice.publishesTo('room-5').length === 1);
    expect(alice.publishesTo('room-5')[0]).toMatchObject({ clients: 1 });
  });

  it('counts connections and topics in /health, and forgets emptied topics', async () => {
    const before = await server.health();
    const alice = await subscriber('count-a', 'count-b');
    expect(await server.health()).toMatchObject({ connections: before.connections + 1, topics: before.topics + 2 });
    alice.send({ type: 'unsubscribe', topics: ['count-a', 'count-b'] });
    await alice.roundTrip();
    expect(await server.health()).toMatchObject({ topics: before.topics });
  });
});

describe('keep-alive', () => {
  it('keeps a connection that answers WebSocket pings', async () => {
    const alice = await client();
    await sleep(1_000); // five ping intervals
    expect(alice.isOpen).toBe(true);
  });

  it('closes a connection that stops answering WebSocket pings', async () => {
    const silent = await TestClient.open(server.wsUrl, { autoPong: false });
    clients.push(silent);
    // Terminated after at most two intervals (200 ms each): 1006, no close frame.
    expect(await silent.waitForClose(3_000)).toBe(1006);
  });
});

describe('with the stock y-webrtc client', () => {
  it("carries a WebrtcProvider's encrypted announce to a peer, and a peer's signal back to it", async () => {
    const room = 'y-webrtc-room-' + Math.random().toString(36).slice(2);
    const password = 'invite-derived-password';
    const cryptoutils = await import(pathToFileURL(path.resolve('node_modules/y-webrtc/src/crypto.js')).href);
    const lib0buffer = await import('lib0/buffer');
    const key = await cryptoutils.deriveKey(password, room);

    // The peer on the other side is a plain ws client speaking the protocol by hand.
    const peer = await subscriber(room);

    // lib0/websocket uses the global WebSocket, as in a browser.
    const previous = globalThis.WebSocket;
    globalThis.WebSocket = WebSocket as unknown as typeof globalThis.WebSocket;
    const Y = await import('yjs');
    const { WebrtcProvider } = await import('y-webrtc');
    const doc = new Y.Doc();
    const provider = new WebrtcProvider(room, doc, { signaling: [server.wsUrl], password });
    try {
      const signalingConn = provider.signalingConns[0]!;
      const seenByProvider: Array<Record<string, unknown>> = [];
      signalingConn.on('message', (message: Record<string, unknown>) => seenByProvider.push(message));

      // 1. The provider subscribes and announces itself, encrypted; the peer receives and decrypts it.
      await waitFor(() => peer.publishesTo(room).length >= 1, 10_000, 'announce');
      const announce = peer.publishesTo(room)[0]!;
      expect(announce).toMatchObject({ type: 'publish', topic: room, clients: 2 });
      const decrypted = await cryptoutils.decryptJson(lib0buffer.fromBase64(announce.data as string), key);
      expect(decrypted).toEqual({ type: 'announce', from: provider.room!.peerId });

      // 2. A signal from the peer reaches the provider's SignalingConn and decrypts with the room key.
      // It is addressed to another peer id, so y-webrtc reads it and, correctly, starts no WebRTC connection.
      const signal = { type: 'signal', from: 'peer-b', to: 'peer-c', token: 0, signal: { type: 'candidate' } };
      const ciphertext = lib0buffer.toBase64(await cryptoutils.encryptJson(signal, key));
      peer.send({ type: 'publish', topic: room, data: ciphertext });
      await waitFor(() => seenByProvider.some((m) => m.data === ciphertext), 5_000, 'signal at provider');
      const received = seenByProvider.find((m) => m.data === ciphertext)!;
      expect(received).toMatchObject({ type: 'publish', topic: room, clients: 2 });
      expect(await cryptoutils.decryptJson(lib0buffer.fromBase64(received.data as string), key)).toEqual(signal);
      expect(signalingConn.connected).toBe(true);
    } finally {
      // destroy() alone leaves the SignalingConn reconnecting forever; disconnect() closes it.
      provider.disconnect();
      provider.destroy();
      doc.destroy();
      globalThis.WebSocket = previous;
    }
  });
});
