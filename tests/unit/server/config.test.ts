import { describe, expect, it } from 'vitest';
import { DEFAULTS, readConfig } from '../../../server/config.mjs';

describe('readConfig', () => {
  it('binds loopback on 4444 with the documented limits when nothing is set', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 4444,
      allowedOrigins: null,
      token: null,
      redisUrl: null,
      maxFrameBytes: 64 * 1024,
      maxTopicsPerConnection: 100,
      rateLimitPerSecond: 50,
      rateLimitBurst: 200,
    });
    expect(config).toMatchObject(DEFAULTS);
    expect(config.nodeId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('accepts PORT=0 so the OS picks a free port', () => {
    expect(readConfig({ PORT: '0' }).port).toBe(0);
  });

  it('treats blank variables as unset, as env files write them', () => {
    expect(readConfig({ PORT: '', ALLOWED_ORIGINS: ' ', SIGNAL_TOKEN: '', REDIS_URL: '' })).toMatchObject({
      port: 4444,
      allowedOrigins: null,
      token: null,
      redisUrl: null,
    });
  });

  it('parses ALLOWED_ORIGINS as a set of lower-cased origins without trailing slashes', () => {
    const config = readConfig({ ALLOWED_ORIGINS: 'chrome-extension://abcdefghijklmnop, https://Plans.Example.org/ ,' });
    expect([...config.allowedOrigins!]).toEqual(['chrome-extension://abcdefghijklmnop', 'https://plans.example.org']);
  });

  it('reads every limit from its variable', () => {
    const config = readConfig({
      MAX_FRAME_BYTES: '2048',
      MAX_TOPICS_PER_CONNECTION: '3',
      MAX_TOPIC_LENGTH: '64',
      RATE_LIMIT_PER_SECOND: '10',
      RATE_LIMIT_BURST: '20',
      MAX_CONNECTIONS: '5',
      MAX_BUFFERED_BYTES: '65536',
      PING_INTERVAL_MS: '500',
      LOG_INTERVAL_MS: '1000',
      NODE_ID: 'node-a',
      REDIS_URL: 'redis://:secret@127.0.0.1:6379/0',
      REDIS_CHANNEL_PREFIX: 'plans:',
      SIGNAL_TOKEN: 'a-long-enough-token',
    });
    expect(config).toMatchObject({
      maxFrameBytes: 2048,
      maxTopicsPerConnection: 3,
      maxTopicLength: 64,
      rateLimitPerSecond: 10,
      rateLimitBurst: 20,
      maxConnections: 5,
      maxBufferedBytes: 65536,
      pingIntervalMs: 500,
      logIntervalMs: 1000,
      nodeId: 'node-a',
      redisUrl: 'redis://:secret@127.0.0.1:6379/0',
      redisChannelPrefix: 'plans:',
      token: 'a-long-enough-token',
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '65536'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['HOST', 'not a host'],
    ['ALLOWED_ORIGINS', 'https://example.org/path'],
    ['ALLOWED_ORIGINS', '*'],
    ['ALLOWED_ORIGINS', ','],
    ['SIGNAL_TOKEN', 'short'],
    ['SIGNAL_TOKEN', 'has whitespace inside it'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
    ['NODE_ID', 'spaces are bad'],
    ['MAX_FRAME_BYTES', '10'],
    ['MAX_TOPICS_PER_CONNECTION', '0'],
    ['RATE_LIMIT_PER_SECOND', '1e3'],
    ['RATE_LIMIT_BURST', ''.padEnd(20, '9')],
    ['PING_INTERVAL_MS', '5'],
  ])('throws naming %s when it is %j', (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(new RegExp(`^${name} `));
  });

  it('never echoes a secret in its error', () => {
    expect(() => readConfig({ SIGNAL_TOKEN: 'leak me' })).toThrow(/^(?!.*leak me)/);
    expect(() => readConfig({ REDIS_URL: 'http://user:hunter2@host' })).toThrow(/^(?!.*hunter2)/);
  });
});
