import { describe, expect, it } from 'vitest';
import { parseClientMessage } from '../../../server/protocol.mjs';

const limits = { maxTopicLength: 16 };

describe('parseClientMessage', () => {
  it.each([
    ['subscribe', { type: 'subscribe', topics: ['a', 'b'] }, { type: 'subscribe', topics: ['a', 'b'] }],
    // y-webrtc's SignalingConn subscribes to [] when it connects before joining any room.
    ['an empty subscribe', { type: 'subscribe', topics: [] }, { type: 'subscribe', topics: [] }],
    ['unsubscribe', { type: 'unsubscribe', topics: ['a'] }, { type: 'unsubscribe', topics: ['a'] }],
    ['ping, ignoring extra fields', { type: 'ping', extra: 1 }, { type: 'ping' }],
  ])('accepts %s', (_name, input, expected) => {
    expect(parseClientMessage(JSON.stringify(input), limits)).toEqual({ ok: true, message: expected });
  });

  it('keeps a publish whole, so unknown fields and opaque data are forwarded as the stock server does', () => {
    const input = { type: 'publish', topic: 'room', data: 'base64-ciphertext', extra: [1] };
    expect(parseClientMessage(JSON.stringify(input), limits)).toEqual({
      ok: true,
      message: { type: 'publish', topic: 'room', message: input },
    });
  });

  it.each([
    ['not JSON', '{"type":', 'invalid-json'],
    ['empty', '', 'invalid-json'],
    ['null', 'null', 'not-an-object'],
    ['a number', '42', 'not-an-object'],
    ['a string', '"subscribe"', 'not-an-object'],
    ['an array', '[{"type":"ping"}]', 'not-an-object'],
    ['no type', '{"topics":["a"]}', 'bad-type'],
    ['a numeric type', '{"type":1}', 'bad-type'],
    ['an unknown type', '{"type":"shutdown"}', 'unknown-type'],
    ['subscribe without topics', '{"type":"subscribe"}', 'bad-topics'],
    ['topics as a string', '{"type":"subscribe","topics":"a"}', 'bad-topics'],
    ['topics holding a number', '{"type":"subscribe","topics":["a",1]}', 'bad-topics'],
    ['topics holding an empty name', '{"type":"unsubscribe","topics":[""]}', 'bad-topics'],
    ['topics holding an over-long name', `{"type":"subscribe","topics":["${'x'.repeat(17)}"]}`, 'bad-topics'],
    ['publish without topic', '{"type":"publish","data":1}', 'bad-topic'],
    ['publish to an object topic', '{"type":"publish","topic":{},"data":1}', 'bad-topic'],
    ['publish to an over-long topic', `{"type":"publish","topic":"${'x'.repeat(17)}"}`, 'bad-topic'],
  ])('rejects %s', (_name, text, reason) => {
    expect(parseClientMessage(text, limits)).toEqual({ ok: false, reason });
  });

  it('rejects without throwing, however deep the nesting', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(parseClientMessage(deep, limits).ok).toBe(false);
  });
});
