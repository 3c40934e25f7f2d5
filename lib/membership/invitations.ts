/**
 * Invitations and join requests, as this device keeps them (extension storage, never in a plan):
 * - the inviter keeps each invitation's token, with its plan and date, under `invitation/<token hash>`
 *   (the plan's log records only the hash, so only this device can open that invitation's lobby);
 * - a joining device keeps its signed request and safety code under `joining/<token hash>` until it
 *   is welcomed or declined, so closing the panel loses nothing and the request is posted again.
 * The steps themselves (establish, invite, ask, admit, decline, accept a welcome) are here too;
 * the lobby they meet in is lobby.ts / lobby-session.ts.
 */
import type * as Y from 'yjs';
import type { KeyValueArea } from '../platform/key-value-area.ts';
import { storedPrefix } from '../platform/stored-source.ts';
import { getPlanSummary, putPlanSummary, type PlanSummary } from '../library/plan-index.ts';
import { createInviteSecret, decodeSecret, secretDeriver } from '../sync/invite.ts';
import { toBase64Url } from './bytes.ts';
import type { DeviceIdentity } from './device-identity.ts';
import { makeJoinRequest, openWelcome, readJoinRequest, sealWelcome, tokenHashOf, type JoinRequest, type MemberInfo, type Welcome } from './join-request.ts';
import { safetyCode } from './safety-code.ts';
import { readMembership } from './membership-log.ts';
import { admitDevice, establishMembership, recordInvitation } from './membership-actions.ts';
import { joinOutcome, postDecline, postRequest, postWelcome, unansweredRequests, welcomedDevice, type JoinOutcome } from './lobby.ts';

/** An invitation this device made. */
export interface StoredInvitation {
  token: string;
  tokenHash: string;
  planId: string;
  /** ISO time it was made. */
  at: string;
  /** The device admitted on it, once used. */
  admitted?: string;
  /**
   * The plan's legacy lobby (legacyInvitation): where devices that held the plan before membership
   * ask the chair to confirm them. Never stored; any number of devices may use it.
   */
  legacy?: true;
}

/** A request to join this device made and keeps until it is answered. */
export interface PendingJoin {
  token: string;
  tokenHash: string;
  /** The signed request, base64. */
  request: string;
  /** Six digits in two groups, "482 913". */
  code: string;
  at: string;
  /** Set once the answer was no (or the link turned out to be an old invite). */
  refused?: 'declined' | 'used' | 'old-link';
}

const INVITATION_PREFIX = 'invitation/';
const JOINING_PREFIX = 'joining/';
/** How long an unused invitation's lobby is still opened by the inviter's plan view. */
export const INVITATION_DAYS = 14;

const isText = (v: unknown): v is string => typeof v === 'string';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export const invitationsSource = storedPrefix(
  INVITATION_PREFIX,
  (v): v is StoredInvitation => isRecord(v) && isText(v.token) && !!decodeSecret(v.token) && isText(v.tokenHash) && isText(v.planId) && isText(v.at),
  (a, b) => a.at.localeCompare(b.at),
);

export const pendingJoinsSource = storedPrefix(
  JOINING_PREFIX,
  (v): v is PendingJoin => isRecord(v) && isText(v.token) && !!decodeSecret(v.token) && isText(v.tokenHash) && isText(v.request) && isText(v.code) && isText(v.at),
  (a, b) => a.at.localeCompare(b.at),
);

/** The invitations of `planId` whose lobbies are still worth opening on `now`. */
export async function openInvitations(area: KeyValueArea, planId: string, now: Date): Promise<StoredInvitation[]> {
  const since = new Date(now.getTime() - INVITATION_DAYS * 86_400_000).toISOString();
  return (await invitationsSource.read(area)).filter((i) => i.planId === planId && i.at >= since);
}

/**
 * Invites a member to the plan open in `doc`: a fresh single-use token, recorded in the plan's log
 * by its hash and kept here. The first invitation of a plan shared before membership establishes
 * it, with this device's member (`info`) as chair. Returns the token (for the link).
 */
export async function inviteMember(
  area: KeyValueArea,
  doc: Y.Doc,
  identity: DeviceIdentity,
  plan: { planId: string; epoch0Secret: string },
  info: MemberInfo,
  now: Date,
): Promise<string> {
  const state = await readMembership(doc);
  if (state.kind === 'untrusted') throw new Error('This plan’s membership could not be verified, so nobody can be invited to it.');
  if (state.kind === 'legacy') await establishMembership(doc, identity, info, plan.planId, plan.epoch0Secret);
  const token = createInviteSecret();
  const tokenHash = await tokenHashOf(token);
  await recordInvitation(doc, identity, tokenHash, now);
  const stored: StoredInvitation = { token, tokenHash, planId: plan.planId, at: now.toISOString() };
  await area.set({ [INVITATION_PREFIX + tokenHash]: stored });
  return token;
}

/** A request waiting in a lobby, checked: signed by the device it names, for this invitation. */
export interface CheckedRequest {
  deviceId: string;
  request: JoinRequest;
  code: string;
}

/**
 * The requests in an invitation's lobby that nobody answered yet and that check out. A request on
 * an invitation already used by another device is answered at once: "already used".
 */
export async function waitingRequests(lobby: Y.Doc, invitation: StoredInvitation): Promise<CheckedRequest[]> {
  const used = invitation.legacy ? null : (invitation.admitted ?? welcomedDevice(lobby));
  const out: CheckedRequest[] = [];
  for (const { deviceId, bytes } of unansweredRequests(lobby)) {
    if (used && used !== deviceId) {
      postDecline(lobby, deviceId, 'used');
      continue;
    }
    const request = await readJoinRequest(bytes);
    if (!request || request.deviceId !== deviceId || request.tokenHash !== invitation.tokenHash) continue;
    out.push({ deviceId, request, code: await safetyCode(invitation.tokenHash, request.signingPublic, request.agreementPublic) });
  }
  return out;
}

/** Admits the requesting device: signed into the plan's log, and its welcome posted in the lobby. */
export async function admitRequest(
  area: KeyValueArea,
  doc: Y.Doc,
  lobby: Y.Doc,
  identity: DeviceIdentity,
  invitation: StoredInvitation,
  checked: CheckedRequest,
  now: Date,
): Promise<Welcome> {
  const welcome = await admitDevice(doc, identity, checked.request, invitation.legacy ? null : invitation.tokenHash, now);
  postWelcome(lobby, checked.deviceId, await sealWelcome(welcome, checked.request.agreementPublic));
  if (!invitation.legacy) await area.set({ [INVITATION_PREFIX + invitation.tokenHash]: { ...invitation, admitted: checked.deviceId } satisfies StoredInvitation });
  return welcome;
}

/**
 * The legacy lobby of a plan shared before membership: its token is derived from the epoch-0 secret
 * (HKDF info 'legacy-lobby'), which exactly the devices that held the plan then know. A device the
 * membership log does not list asks there to be confirmed; the chair opens it and confirms.
 */
export async function legacyInvitation(planId: string, epoch0Secret: string): Promise<StoredInvitation> {
  const token = toBase64Url(await (await secretDeriver(epoch0Secret))('legacy-lobby', 256));
  return { token, tokenHash: await tokenHashOf(token), planId, at: '', legacy: true };
}

/** A request to be confirmed, from a device that held the plan before membership (not kept: made again on each open). */
export async function legacyRequest(
  identity: DeviceIdentity,
  info: MemberInfo,
  planId: string,
  epoch0Secret: string,
  now: Date,
): Promise<{ invitation: StoredInvitation; request: Uint8Array; code: string }> {
  const invitation = await legacyInvitation(planId, epoch0Secret);
  return {
    invitation,
    request: await makeJoinRequest(identity, info, invitation.tokenHash, now),
    code: await safetyCode(invitation.tokenHash, identity.signingPublic, identity.agreementPublic),
  };
}

export function declineRequest(lobby: Y.Doc, deviceId: string): void {
  postDecline(lobby, deviceId, 'declined');
}

/**
 * Asks to join with an invitation token: the request is signed by this device and kept here (with
 * the safety code both sides will read) until answered. Asking again with the same token keeps the
 * first request. Returns the token's hash, which names the pending join.
 */
export async function askToJoin(area: KeyValueArea, identity: DeviceIdentity, info: MemberInfo, token: string, now: Date): Promise<PendingJoin> {
  const tokenHash = await tokenHashOf(token);
  const existing = await pendingJoin(area, tokenHash);
  if (existing) return existing;
  const request = await makeJoinRequest(identity, info, tokenHash, now);
  const pending: PendingJoin = {
    token,
    tokenHash,
    request: toBase64(request),
    code: await safetyCode(tokenHash, identity.signingPublic, identity.agreementPublic),
    at: now.toISOString(),
  };
  await area.set({ [JOINING_PREFIX + tokenHash]: pending });
  return pending;
}

export async function pendingJoin(area: KeyValueArea, tokenHash: string): Promise<PendingJoin | undefined> {
  return (await pendingJoinsSource.read(area)).find((p) => p.tokenHash === tokenHash);
}

export async function forgetPendingJoin(area: KeyValueArea, tokenHash: string): Promise<void> {
  await area.remove([JOINING_PREFIX + tokenHash]);
}

/**
 * Where a pending join stands, posting its request into the lobby (again) while it waits. A welcome
 * that does not open with this device's key is not for us (or was forged): still waiting.
 */
export async function checkPendingJoin(
  area: KeyValueArea,
  lobby: Y.Doc,
  identity: DeviceIdentity,
  pending: PendingJoin,
): Promise<{ kind: 'waiting' } | { kind: 'welcomed'; welcome: Welcome } | { kind: 'declined' | 'used' | 'old-link' }> {
  const outcome: JoinOutcome = joinOutcome(lobby, identity.deviceId);
  if (outcome.kind === 'welcomed') {
    const welcome = await openWelcome(identity, outcome.sealed);
    if (welcome) return { kind: 'welcomed', welcome };
    return { kind: 'waiting' };
  }
  if (outcome.kind === 'declined' || outcome.kind === 'used' || outcome.kind === 'old-link') {
    if (pending.refused !== outcome.kind) await area.set({ [JOINING_PREFIX + pending.tokenHash]: { ...pending, refused: outcome.kind } satisfies PendingJoin });
    return { kind: outcome.kind };
  }
  postRequest(lobby, identity.deviceId, fromBase64(pending.request));
  return { kind: 'waiting' };
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The plan list's mark on a plan this device was removed from (when, ISO). */
export interface RemovedMark {
  removedAt?: string;
}

/** Marks the plan's entry in the list as removed on `at` (once). */
export async function markRemoved(area: KeyValueArea, planId: string, at: string): Promise<void> {
  const summary = (await getPlanSummary(area, planId)) as (PlanSummary & RemovedMark) | undefined;
  if (!summary || summary.removedAt === at) return;
  await putPlanSummary(area, { ...summary, removedAt: at } as PlanSummary);
}
