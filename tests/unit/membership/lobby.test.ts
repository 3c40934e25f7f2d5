/**
 * The lobby document: what a joiner and an inviter post, what each reads back, across two copies
 * exchanging updates, and untrusted content (wrong types, oversized, bad device ids) ignored.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectedPeers } from '../helpers/two-peers.ts';
import { MAX_REQUESTS, joinOutcome, postDecline, postRequest, postWelcome, unansweredRequests, welcomedDevice } from '../../../lib/membership/lobby.ts';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill);

/** A lobby's two copies (joiner's, inviter's), kept in step as the transports would. */
function pair() {
  const [joiner, inviter] = connectedPeers(2).docs as [Y.Doc, Y.Doc];
  return { joiner, inviter };
}

describe('lobby', () => {
  it('carries a request to the inviter and the welcome back', () => {
    const { joiner, inviter } = pair();
    expect(joinOutcome(joiner, A)).toEqual({ kind: 'waiting' });
    postRequest(joiner, A, bytes(100));
    expect(unansweredRequests(inviter)).toEqual([{ deviceId: A, bytes: bytes(100) }]);
    postWelcome(inviter, A, bytes(50, 7));
    expect(joinOutcome(joiner, A)).toEqual({ kind: 'welcomed', sealed: bytes(50, 7) });
    expect(unansweredRequests(inviter)).toEqual([]);
    expect(welcomedDevice(joiner)).toBe(A);
  });

  it('posting the same request again writes nothing; a different one replaces it', () => {
    const doc = new Y.Doc();
    postRequest(doc, A, bytes(10));
    const before = Y.encodeStateVector(doc);
    postRequest(doc, A, bytes(10));
    expect(Y.encodeStateVector(doc)).toEqual(before);
    postRequest(doc, A, bytes(10, 2));
    expect(unansweredRequests(doc)[0]!.bytes).toEqual(bytes(10, 2));
  });

  it('a second device on a used invitation reads "used"; declines read as declined', () => {
    const { joiner, inviter } = pair();
    postRequest(joiner, A, bytes(10));
    postRequest(joiner, B, bytes(10));
    postWelcome(inviter, A, bytes(10));
    expect(joinOutcome(joiner, B)).toEqual({ kind: 'used' });
    postDecline(inviter, B, 'declined');
    expect(joinOutcome(joiner, B)).toEqual({ kind: 'declined' });
    postDecline(inviter, B, 'used');
    expect(joinOutcome(joiner, B)).toEqual({ kind: 'used' });
    expect(unansweredRequests(inviter)).toEqual([]);
  });

  it('ignores what a hostile token holder could post: wrong types, oversized entries, bad device ids', () => {
    const doc = new Y.Doc();
    doc.getMap('requests').set('not-a-device', bytes(10));
    doc.getMap('requests').set(A, 'text' as unknown as Uint8Array);
    doc.getMap('requests').set(B, bytes(100_000));
    doc.getMap('welcomes').set(A, 42);
    doc.getMap('declined').set(A, 'maybe');
    expect(unansweredRequests(doc)).toEqual([]);
    expect(joinOutcome(doc, A)).toEqual({ kind: 'waiting' });
    expect(welcomedDevice(doc)).toBeNull();
    expect(() => postRequest(doc, 'x', bytes(1))).toThrow(RangeError);
  });

  it('says when the "lobby" turns out to hold a plan (an invite link from before invitations)', () => {
    const doc = new Y.Doc();
    postRequest(doc, A, bytes(10));
    doc.getMap('meta').set('schemaVersion', 3);
    expect(joinOutcome(doc, A)).toEqual({ kind: 'old-link' });
  });

  it('shows at most MAX_REQUESTS requests, however many a token holder posts', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < MAX_REQUESTS + 30; i++) postRequest(doc, i.toString(16).padStart(32, '0'), bytes(10));
    expect(unansweredRequests(doc)).toHaveLength(MAX_REQUESTS);
  });
});
