/**
 * Who may connect: the origin allow-list and the shared token are enforced at the HTTP upgrade,
 * before any WebSocket exists. Tested against a real process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignalServer, stopAll, TestClient, type SignalServer } from './helpers.ts';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const TOKEN = 'test-token-0123456789';
let server: SignalServer;

beforeAll(async () => {
  server = await startSignalServer({ ALLOWED_ORIGINS: `https://plans.example.org, ${ORIGIN}`, SIGNAL_TOKEN: TOKEN, LOG_INTERVAL_MS: '100' });
});
afterAll(stopAll);

/** Resolves to 'open', or to the HTTP status the upgrade was refused with. */
async function attempt(query: string, headers: Record<string, string>): Promise<'open' | string> {
  try {
    const client = await TestClient.open(server.wsUrl + query, { headers });
    client.close();
    return 'open';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('upgrade admission with ALLOWED_ORIGINS and SIGNAL_TOKEN', () => {
  it.each([
    ['the token in ?token= from an allowed origin', `/?token=${TOKEN}`, { origin: ORIGIN }, 'open'],
    ['the token as a bearer header from an allowed origin', '/', { origin: ORIGIN, authorization: `Bearer ${TOKEN}` }, 'open'],
    ['an allowed origin written with a trailing slash and capitals', `/?token=${TOKEN}`, { origin: 'https://Plans.Example.org/' }, 'open'],
    ['a token on any path (a proxy may mount it under a prefix)', `/signal?token=${TOKEN}`, { origin: ORIGIN }, 'open'],
    ['no token', '/', { origin: ORIGIN }, 'HTTP 401'],
    ['a wrong token', '/?token=test-token-0123456788', { origin: ORIGIN }, 'HTTP 401'],
    ['a token that is a prefix of the right one', `/?token=${TOKEN.slice(0, -1)}`, { origin: ORIGIN }, 'HTTP 401'],
    ['a wrong bearer token', '/', { origin: ORIGIN, authorization: 'Bearer nope-nope-nope-nope' }, 'HTTP 401'],
    ['the right token from an unlisted origin', `/?token=${TOKEN}`, { origin: 'https://evil.example' }, 'HTTP 403'],
    ['the right token from a look-alike origin', `/?token=${TOKEN}`, { origin: 'https://plans.example.org.evil.example' }, 'HTTP 403'],
    ['the right token without an Origin header', `/?token=${TOKEN}`, {}, 'HTTP 403'],
    ['neither', '/', { origin: 'https://evil.example' }, 'HTTP 401'],
  ])('%s → %s', async (_name, query, headers, outcome) => {
    expect(await attempt(query, headers)).toBe(outcome);
  });

  it('keeps /health open to probes without token or origin, and logs refusals as counts only', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.output()).toMatch(/refused\.token=\d+/);
    expect(server.output()).toMatch(/refused\.origin=\d+/);
    expect(server.output()).not.toContain(TOKEN);
  });
});

describe('MAX_CONNECTIONS', () => {
  it('refuses upgrades past the cap with 503 and admits again once a slot frees', async () => {
    const small = await startSignalServer({ MAX_CONNECTIONS: '2' });
    const first = await TestClient.open(small.wsUrl);
    const second = await TestClient.open(small.wsUrl);
    await expect(TestClient.open(small.wsUrl)).rejects.toThrow('HTTP 503');
    first.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const third = await TestClient.open(small.wsUrl);
    second.close();
    third.close();
    await small.stop();
  });
});
