/**
 * Invitations end to end on the lobby and plan documents (each device with its own IndexedDB for
 * its identity, and its own extension storage): invite (establishing membership), ask, check the
 * safety code on both sides, admit, the welcome listing the plan; a second device on a used
 * invitation; a decline; and what a hostile token holder could post.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectedPeers } from '../helpers/two-peers.ts';
import { loadDeviceIdentity } from '../../../lib/membership/device-identity.ts';
import { readMembership } from '../../../lib/membership/membership-log.ts';
import { sealWelcome } from '../../../lib/membership/join-request.ts';
import {
  admitRequest, askToJoin, checkPendingJoin, declineRequest, inviteMember, invitationsSource, legacyInvitation, legacyRequest, openInvitations, pendingJoin,
  waitingRequests,
} from '../../../lib/membership/invitations.ts';
import { postRequest, postWelcome } from '../../../lib/membership/lobby.ts';
import { joinAdmitted } from '../../../lib/library/plan-actions.ts';
import { getPlanSummary } from '../../../lib/library/plan-index.ts';
import { createInviteSecret } from '../../../lib/sync/invite.ts';
import { memoryArea } from '../helpers/memory-area.ts';

const NOW = new Date('2026-12-07T09:00:00Z');
const PLAN_ID = 'f'.repeat(32);
const ASHA = { name: 'Asha Patel', agency: 'Riverside Primary', role: 'Designated safeguarding lead' };
const SAM = { name: 'Sam Sample', agency: 'Children’s Social Care', role: 'Social worker' };

async function device() {
  return { identity: await loadDeviceIdentity({ indexedDB: new IDBFactory() }), area: memoryArea() };
}

/** A lobby's two copies (joiner's, inviter's), kept in step as the transports would. */
function lobbyPair() {
  const [joiner, inviter] = connectedPeers(2).docs as [Y.Doc, Y.Doc];
  return { joiner, inviter };
}

async function invited() {
  const chair = await device();
  const plan = new Y.Doc();
  const epoch0Secret = createInviteSecret();
  const token = await inviteMember(chair.area, plan, chair.identity, { planId: PLAN_ID, epoch0Secret }, SAM, NOW);
  const [invitation] = await openInvitations(chair.area, PLAN_ID, NOW);
  return { chair, plan, token, invitation: invitation!, epoch0Secret };
}

describe('invitations', () => {
  it('the first invitation establishes membership with this member as chair; the link names only a lobby', async () => {
    const { chair, plan, token, invitation } = await invited();
    const state = await readMembership(plan);
    expect(state.kind).toBe('established');
    expect(state.members.map((m) => [m.info.name, m.chair])).toEqual([['Sam Sample', true]]);
    expect(state.invitations.get(invitation.tokenHash)?.by).toBe(chair.identity.deviceId);
    expect(invitation.token).toBe(token);
    // The log holds the token's hash, never the token.
    expect(JSON.stringify(Y.encodeStateAsUpdate(plan))).not.toContain(token);
    // A second invitation does not establish again.
    await inviteMember(chair.area, plan, chair.identity, { planId: PLAN_ID, epoch0Secret: createInviteSecret() }, SAM, NOW);
    expect((await readMembership(plan)).members).toHaveLength(1);
    expect(await invitationsSource.read(chair.area)).toHaveLength(2);
  });

  it('ask, the same safety code on both sides, admit, and the welcome lists the plan', async () => {
    const { chair, plan, token, invitation, epoch0Secret } = await invited();
    const asha = await device();
    const lobby = lobbyPair();
    const pending = await askToJoin(asha.area, asha.identity, ASHA, token, NOW);
    expect(pending.code).toMatch(/^\d{3} \d{3}$/);
    expect(await askToJoin(asha.area, asha.identity, ASHA, token, NOW)).toEqual(pending); // kept, not made again
    expect(await checkPendingJoin(asha.area, lobby.joiner, asha.identity, pending)).toEqual({ kind: 'waiting' });

    const [request] = await waitingRequests(lobby.inviter, invitation);
    expect(request!.request.info).toEqual(ASHA);
    expect(request!.code).toBe(pending.code);

    await admitRequest(chair.area, plan, lobby.inviter, chair.identity, invitation, request!, NOW);
    const state = await readMembership(plan);
    expect(state.members.find((m) => m.info.name === 'Asha Patel')?.devices.map((d) => d.deviceId)).toEqual([asha.identity.deviceId]);
    expect(state.invitations.get(invitation.tokenHash)?.usedBy).toBe(asha.identity.deviceId);
    expect(await waitingRequests(lobby.inviter, invitation)).toEqual([]);

    const answer = await checkPendingJoin(asha.area, lobby.joiner, asha.identity, pending);
    if (answer.kind !== 'welcomed') throw new Error(`expected a welcome, got ${answer.kind}`);
    expect(answer.welcome).toMatchObject({ planId: PLAN_ID, epoch: 0, epochSecret: epoch0Secret });
    expect(await joinAdmitted(asha.area, answer.welcome, '2026-12-07')).toEqual({ planId: PLAN_ID, alreadyHere: false });
    expect(await getPlanSummary(asha.area, PLAN_ID)).toMatchObject({ id: PLAN_ID, inviteSecret: epoch0Secret, epochSecret: epoch0Secret, epoch: 0 });
  });

  it('a second device on a used invitation hears "already used"; a declined one hears no', async () => {
    const { chair, plan, token, invitation } = await invited();
    const [asha, bo] = await Promise.all([device(), device()]);
    const lobby = lobbyPair();
    const first = await askToJoin(asha.area, asha.identity, ASHA, token, NOW);
    await checkPendingJoin(asha.area, lobby.joiner, asha.identity, first);
    const [request] = await waitingRequests(lobby.inviter, invitation);
    await admitRequest(chair.area, plan, lobby.inviter, chair.identity, invitation, request!, NOW);

    const second = await askToJoin(bo.area, bo.identity, { ...ASHA, name: 'Bo Other' }, token, NOW);
    expect(await checkPendingJoin(bo.area, lobby.joiner, bo.identity, second)).toEqual({ kind: 'used' });
    expect((await pendingJoin(bo.area, second.tokenHash))?.refused).toBe('used');

    // Another invitation, declined.
    const token2 = await inviteMember(chair.area, plan, chair.identity, { planId: PLAN_ID, epoch0Secret: createInviteSecret() }, SAM, NOW);
    const invitation2 = (await openInvitations(chair.area, PLAN_ID, NOW)).find((i) => i.token === token2)!;
    const lobby2 = lobbyPair();
    const asked = await askToJoin(bo.area, bo.identity, ASHA, token2, NOW);
    await checkPendingJoin(bo.area, lobby2.joiner, bo.identity, asked);
    const [waiting] = await waitingRequests(lobby2.inviter, invitation2);
    declineRequest(lobby2.inviter, waiting!.deviceId);
    expect(await checkPendingJoin(bo.area, lobby2.joiner, bo.identity, asked)).toEqual({ kind: 'declined' });
    expect((await readMembership(plan)).members.map((m) => m.info.name)).toEqual(['Sam Sample', 'Asha Patel']);
  });

  it('ignores a request filed under another device, a tampered one, one for another invitation, and a welcome that does not open', async () => {
    const { token, invitation } = await invited();
    const [asha, mallory] = await Promise.all([device(), device()]);
    const lobby = lobbyPair();
    const pending = await askToJoin(asha.area, asha.identity, ASHA, token, NOW);
    const signed = Uint8Array.from(atob(pending.request), (c) => c.charCodeAt(0));
    // Asha's signed request, filed under Mallory's device id.
    postRequest(lobby.joiner, mallory.identity.deviceId, signed);
    // Tampered with: one byte changed.
    const tampered = signed.slice();
    tampered[tampered.length - 70] = tampered[tampered.length - 70]! ^ 1;
    postRequest(lobby.joiner, 'e'.repeat(32), tampered);
    // Signed properly, but for another invitation.
    const other = await askToJoin(mallory.area, mallory.identity, ASHA, createInviteSecret(), NOW);
    postRequest(lobby.joiner, 'd'.repeat(32), Uint8Array.from(atob(other.request), (c) => c.charCodeAt(0)));
    expect(await waitingRequests(lobby.inviter, invitation)).toEqual([]);

    // A welcome sealed to somebody else's key is not for Asha: she keeps waiting.
    postWelcome(lobby.inviter, asha.identity.deviceId, await sealWelcome({ planId: PLAN_ID, epoch: 0, epochSecret: createInviteSecret(), genesisHash: 'a'.repeat(64), familyName: 'Forged' }, mallory.identity.agreementPublic));
    expect(await checkPendingJoin(asha.area, lobby.joiner, asha.identity, pending)).toEqual({ kind: 'waiting' });
  });

  it('an invitation’s lobby is opened for 14 days, and only for its own plan', async () => {
    const { chair } = await invited();
    expect(await openInvitations(chair.area, PLAN_ID, new Date('2026-12-21T08:59:00Z'))).toHaveLength(1);
    expect(await openInvitations(chair.area, PLAN_ID, new Date('2026-12-21T09:01:00Z'))).toEqual([]);
    expect(await openInvitations(chair.area, 'e'.repeat(32), NOW)).toEqual([]);
  });

  it('a device that held the plan before membership is confirmed by the chair in the lobby its old secret derives', async () => {
    const { chair, plan, epoch0Secret } = await invited();
    const [old1, old2] = await Promise.all([device(), device()]);
    const lobby = lobbyPair();
    const legacy = await legacyInvitation(PLAN_ID, epoch0Secret);
    expect(legacy).toEqual(await legacyInvitation(PLAN_ID, epoch0Secret)); // both sides derive the same lobby
    expect(legacy.token).not.toBe(epoch0Secret);
    for (const [d, info] of [[old1, ASHA], [old2, { ...ASHA, name: 'Bo Other' }]] as const) {
      const asked = await legacyRequest(d.identity, info, PLAN_ID, epoch0Secret, NOW);
      postRequest(lobby.joiner, d.identity.deviceId, asked.request);
    }
    // Any number of devices may be confirmed there; each shows the code its device computed.
    const waiting = await waitingRequests(lobby.inviter, legacy);
    expect(waiting.map((w) => w.request.info.name).sort()).toEqual(['Asha Patel', 'Bo Other']);
    expect(waiting.find((w) => w.deviceId === old1.identity.deviceId)!.code).toBe((await legacyRequest(old1.identity, ASHA, PLAN_ID, epoch0Secret, NOW)).code);
    for (const w of waiting) await admitRequest(chair.area, plan, lobby.inviter, chair.identity, legacy, w, NOW);
    const state = await readMembership(plan);
    expect([old1, old2].every((d) => state.devices.has(d.identity.deviceId))).toBe(true);
    expect(await invitationsSource.read(chair.area)).toHaveLength(1); // the legacy lobby is never stored
    expect(await waitingRequests(lobby.inviter, legacy)).toEqual([]);
  });
});
