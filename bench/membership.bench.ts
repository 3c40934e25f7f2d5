/**
 * Membership with keys (issue 17), in-process with Node's WebCrypto:
 * - sign + verify per update: Ed25519 over a typical ~200-byte update and a 20 KB one, as each
 *   signed frame costs the sender (sign) and each receiver (verify); medians;
 * - rotating a 12-member plan's key (two devices each): removeMember (a fresh secret sealed to each
 *   of the 22 remaining devices, signed, checked against the log, appended), then readMembership
 *   folding the resulting log on another copy (every signature verified afresh). Budget ≤ 1 s.
 *   And folding it again on that copy (decoded entries and verified signatures are cached per
 *   stored element), which is what each later change of the log costs a session.
 */
import * as Y from 'yjs';
import { IDBFactory } from 'fake-indexeddb';
import { loadDeviceIdentity, verifySignature, type DeviceIdentity } from '../lib/membership/device-identity.ts';
import { admitDevice, establishMembership, recordInvitation, removeMember } from '../lib/membership/membership-actions.ts';
import { makeJoinRequest, readJoinRequest, tokenHashOf } from '../lib/membership/join-request.ts';
import { readMembership } from '../lib/membership/membership-log.ts';
import { createInviteSecret } from '../lib/sync/invite.ts';
import { percentile, type Figure } from './figure.ts';

const SIGNATURES = 400;
const ROTATIONS = 5;
const NOW = new Date('2026-12-03T10:00:00.000Z');

const device = () => loadDeviceIdentity({ indexedDB: new IDBFactory() });

async function signVerify(identity: DeviceIdentity, size: number): Promise<{ sign: number; verify: number }> {
  const update = globalThis.crypto.getRandomValues(new Uint8Array(size));
  const sign: number[] = [];
  const verify: number[] = [];
  for (let i = 0; i < SIGNATURES; i++) {
    update[0] = i & 0xff;
    let start = performance.now();
    const signature = await identity.sign(update);
    sign.push(performance.now() - start);
    start = performance.now();
    if (!(await verifySignature(identity.signingPublic, update, signature))) throw new Error('a signature did not verify');
    verify.push(performance.now() - start);
  }
  return { sign: percentile(sign, 50) * 1000, verify: percentile(verify, 50) * 1000 };
}

/** A plan of 12 members with two devices each (the chair's second device included); returns the doc and a member to remove. */
async function twelveMemberPlan(): Promise<{ doc: Y.Doc; chair: DeviceIdentity; leaving: string }> {
  const doc = new Y.Doc();
  const chair = await device();
  await establishMembership(doc, chair, { name: 'Jo Chair', agency: 'CSC', role: 'Chair' }, '0123456789abcdef0123456789abcdef', createInviteSecret());
  const admit = async (name: string, memberId?: string) => {
    const joiner = await device();
    const tokenHash = await tokenHashOf(createInviteSecret());
    await recordInvitation(doc, chair, tokenHash, NOW);
    const request = (await readJoinRequest(await makeJoinRequest(joiner, { name, agency: 'Agency', role: 'Role' }, tokenHash, NOW)))!;
    await admitDevice(doc, chair, request, tokenHash, NOW, memberId ? { memberId } : {});
    return (await readMembership(doc)).devices.get(joiner.deviceId)!.memberId;
  };
  await admit('Jo Chair', (await readMembership(doc)).members[0]!.memberId);
  let leaving = '';
  for (let i = 0; i < 11; i++) {
    const memberId = await admit(`Member ${i}`);
    await admit(`Member ${i}`, memberId);
    if (i === 5) leaving = memberId;
  }
  return { doc, chair, leaving };
}

export default async function bench(): Promise<Figure[]> {
  const identity = await device();
  const small = await signVerify(identity, 200);
  const large = await signVerify(identity, 20 * 1024);

  const removeMs: number[] = [];
  const foldMs: number[] = [];
  const warmMs: number[] = [];
  let entries = 0;
  for (let i = 0; i < ROTATIONS; i++) {
    const { doc, chair, leaving } = await twelveMemberPlan();
    let start = performance.now();
    await removeMember(doc, chair, { memberId: leaving }, NOW);
    removeMs.push(performance.now() - start);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    start = performance.now();
    const state = await readMembership(other);
    foldMs.push(performance.now() - start);
    start = performance.now();
    await readMembership(other);
    warmMs.push(performance.now() - start);
    if (state.epoch !== 1 || state.sealedFor.size !== 22 || state.ignored !== 0) throw new Error('the rotation did not fold as expected');
    entries = other.getArray('membership').length;
  }
  const remove = percentile(removeMs, 50);
  const fold = percentile(foldMs, 50);
  return [
    { name: 'membership: sign a 200-byte update (median)', value: small.sign, unit: 'µs', budget: null },
    { name: 'membership: verify a 200-byte update (median)', value: small.verify, unit: 'µs', budget: null },
    { name: 'membership: sign + verify, 200-byte update', value: small.sign + small.verify, unit: 'µs', budget: null },
    { name: 'membership: sign + verify, 20 KB update', value: large.sign + large.verify, unit: 'µs', budget: null },
    { name: 'membership: removeMember, 12 members × 2 devices (median)', value: remove, unit: 'ms', budget: null },
    { name: `membership: readMembership of that log, ${entries} entries (median)`, value: fold, unit: 'ms', budget: null },
    { name: 'membership: readMembership again, same copy (as each log change refolds)', value: percentile(warmMs, 50), unit: 'ms', budget: null },
    { name: 'membership: rotate a 12-member plan’s key (remove + fold)', value: remove + fold, unit: 'ms', budget: 1000 },
  ];
}
