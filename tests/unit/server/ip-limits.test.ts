/**
 * Per-address limits on the signaling server, with real sockets against the real process: a cap
 * on connections from one address, one token bucket for all of its connections, and one budget for
 * what its connections leave unread. Other addresses (here, clients behind the loopback proxy
 * naming themselves in X-Forwarded-For) are unaffected.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { sleep, startSignalServer, stopAll, TestClient, waitFor } from './helpers.ts';
import { IpLimits, clientAddress } from '../../../server/ip-limits.mjs';

afterAll(stopAll);

const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });

describe('connections per address', () => {
  it('refuses the connection past MAX_CONNECTIONS_PER_IP with 429, and admits other addresses and a freed slot', async () => {
    const server = await startSignalServer({ MAX_CONNECTIONS_PER_IP: '5', LOG_INTERVAL_MS: '100' });
    const held = await Promise.all(Array.from({ length: 5 }, () => TestClient.open(server.wsUrl)));
    await expect(TestClient.open(server.wsUrl)).rejects.toThrow('HTTP 429');
    const elsewhere = await TestClient.open(server.wsUrl, from('203.0.113.7'));
    expect(elsewhere.isOpen).toBe(true);
    held[0]!.close();
    await waitFor(async () => (await server.health()).connections === 5, 5_000, 'the slot to free');
    const again = await TestClient.open(server.wsUrl);
    expect(again.isOpen).toBe(true);
    await waitFor(() => /refused\.ip-connections=1/.test(server.output()), 2_000, 'the refusal counted');
    await server.stop();
  });

  it('holds 64 idle sockets from one address by default, not 2,000', { timeout: 60_000 }, async () => {
    const server = await startSignalServer();
    let accepted = 0;
    let refused = 0;
    const clients: TestClient[] = [];
    for (let i = 0; i < 200; i++) {
      try {
        clients.push(await TestClient.open(server.wsUrl));
        accepted++;
      } catch {
        refused++;
      }
    }
    expect(accepted).toBe(64);
    expect(refused).toBe(136);
    expect((await server.health()).connections).toBe(64);
    for (const c of clients) c.close();
    await server.stop();
  });
});

describe('one budget per address', () => {
  it('shares one frame bucket among all connections of an address', async () => {
    const server = await startSignalServer({ IP_RATE_LIMIT_PER_SECOND: '10', IP_RATE_LIMIT_BURST: '100' });
    const a = await TestClient.open(server.wsUrl);
    const b = await TestClient.open(server.wsUrl);
    const other = await TestClient.open(server.wsUrl, from('198.51.100.4'));
    for (let i = 0; i < 75; i++) {
      a.send({ type: 'ping' });
      b.send({ type: 'ping' });
    }
    for (let i = 0; i < 50; i++) other.send({ type: 'ping' });
    await sleep(500);
    const pongs = a.received.length + b.received.length;
    expect(pongs).toBeGreaterThanOrEqual(100);
    expect(pongs).toBeLessThan(110);
    expect(other.received).toHaveLength(50);
    await server.stop();
  });

  it('cuts off connections that leave more than MAX_BUFFERED_BYTES_PER_IP unread, however many there are, and spares the reader next door', { timeout: 60_000 }, async () => {
    const server = await startSignalServer({
      MAX_BUFFERED_BYTES_PER_IP: String(1024 * 1024),
      RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000', IP_RATE_LIMIT_PER_SECOND: '100000', IP_RATE_LIMIT_BURST: '100000',
      IP_BYTES_PER_SECOND: String(1024 ** 3), IP_BYTES_BURST: String(1024 ** 3), LOG_INTERVAL_MS: '100',
    });
    const stalled = await Promise.all(Array.from({ length: 20 }, () => TestClient.open(server.wsUrl)));
    for (const [i, c] of stalled.entries()) {
      c.send({ type: 'subscribe', topics: [`self-${i}`] });
      await c.roundTrip();
      c.pauseReading();
    }
    const reader = await TestClient.open(server.wsUrl, from('192.0.2.9'));
    reader.send({ type: 'subscribe', topics: ['calm'] });
    await reader.roundTrip();
    const chunk = 'x'.repeat(60_000);
    for (let round = 0; round < 200 && stalled.some((c) => c.isOpen); round++) {
      for (const [i, c] of stalled.entries()) if (c.isOpen) c.send({ type: 'publish', topic: `self-${i}`, data: chunk });
      reader.send({ type: 'publish', topic: 'calm', data: round });
      await sleep(5);
    }
    await waitFor(async () => (await server.health()).connections === 1, 20_000, 'every stalled connection cut off');
    await reader.roundTrip();
    expect(reader.publishesTo('calm').length).toBeGreaterThan(0);
    expect(reader.isOpen).toBe(true);
    await server.stop();
  });
});

describe('the client address', () => {
  const request = (remoteAddress: string, forwarded?: string) =>
    ({ socket: { remoteAddress }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as import('node:http').IncomingMessage;

  it("believes X-Forwarded-For's last entry only from a trusted proxy", () => {
    expect(clientAddress(request('127.0.0.1', '203.0.113.1, 198.51.100.2'), 'loopback')).toBe('198.51.100.2');
    expect(clientAddress(request('::ffff:127.0.0.1', '198.51.100.2'), 'loopback')).toBe('198.51.100.2');
    expect(clientAddress(request('203.0.113.50', '198.51.100.2'), 'loopback')).toBe('203.0.113.50');
    expect(clientAddress(request('127.0.0.1', '198.51.100.2'), 'none')).toBe('127.0.0.1');
    expect(clientAddress(request('10.0.0.5', '198.51.100.2'), new Set(['10.0.0.5']))).toBe('198.51.100.2');
    expect(clientAddress(request('::ffff:192.0.2.1'), 'loopback')).toBe('192.0.2.1');
  });

  it('counts connections per address and forgets an address when its last connection goes', () => {
    const limits = new IpLimits({ maxConnectionsPerIp: 2, ipRatePerSecond: 1, ipRateBurst: 1, ipBytesPerSecond: 1024, ipBytesBurst: 65536, maxBufferedBytesPerIp: 10, trustProxy: 'none' }, (c: { buffered: number }) => c.buffered);
    const a = { buffered: 6 };
    const b = { buffered: 6 };
    limits.add('x', a, 0);
    limits.add('x', b, 0);
    expect(limits.mayConnect('x')).toBe(false);
    expect(limits.mayConnect('y')).toBe(true);
    expect(limits.overBuffered('x')).toBe(true);
    limits.remove('x', a);
    expect(limits.overBuffered('x')).toBe(false);
    limits.remove('x', b);
    expect(limits.addressCount).toBe(0);
  });
});
