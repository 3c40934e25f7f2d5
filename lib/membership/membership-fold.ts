/**
 * Folding the membership log: walks its entries in document order (the same on every copy) and
 * applies each one the rules allow. An entry that fails — malformed, bad signature, a signer that
 * is unknown or removed, not allowed to write it, a replay, a stale epoch — is ignored and counted;
 * folding never throws.
 *
 * Rules:
 * - the first well-formed, self-signed genesis founds the plan (its member is the chair, epoch 0);
 *   if a pinned genesis hash is given and this one differs, the state is 'untrusted'. Later
 *   geneses are ignored. Every other entry must name the genesis's plan id.
 * - invite: any current device; the first invitation of a token hash counts.
 * - admit: a chair's device; or, on an unused invitation, a device of the inviting member (who
 *   may admit only a new member, or another device of their own). A null token (confirming a
 *   device that held the plan before membership) is for chairs only. A sealed copy at the current
 *   epoch gives the device the key; at another epoch it is admitted without one (devicesWithoutKey).
 * - remove: chair only; carries the rotation. Its sealed copies must cover every remaining device,
 *   except as many as were admitted concurrently (admissions beyond what it `seen`); never the
 *   removed device. At epoch current+1 it starts that epoch; at any other epoch it still removes
 *   but keeps the current epoch (a concurrent rotation), so the removed device may still hold the
 *   current secret: needsRotation. Never leaves the plan without a chair.
 * - rotate: chair only, epoch current+1, same cover rule. rekey: chair only, current epoch, gives
 *   the current secret to devices that lack it.
 * - chair: chair only; never leaves no chair.
 * - client: a current device claims a clientID, checked with clientIdFor; first claim wins.
 */
import type { LogEntry, EntryBody } from './log-entry.ts';
import type { EntryPlace } from '../plan/membership-entries.ts';
import { decodeEntry } from './log-entry.ts';
import { deviceIdOf } from './device-identity.ts';
import { clientIdFor } from './client-id.ts';
import { legacyState, memberOfDevice, type DeviceRecord, type MemberRecord, type MembershipState } from './membership-state.ts';

type Sealed = Map<string, Uint8Array>;

export async function foldMembership(
  elements: readonly unknown[],
  pinnedGenesis?: string | null,
  places?: readonly (EntryPlace | undefined)[],
): Promise<MembershipState> {
  const entries = await Promise.all(elements.map((e) => decodeEntry(e)));
  const genesisAt = await findGenesis(entries);
  if (genesisAt < 0) return legacyState(elements.length);
  const genesis = entries[genesisAt]!;
  if (pinnedGenesis && genesis.hash !== pinnedGenesis) {
    return { ...legacyState(elements.length), kind: 'untrusted', genesisHash: genesis.hash, planId: genesis.planId };
  }
  const first = await foldFrom(entries, genesisAt, new Set());
  // Entries of a removed device that its removal had not seen raced it: the removal wins.
  const raced = racedRemovals(entries, genesisAt, first.removals, places ?? []);
  return (raced.size > 0 ? await foldFrom(entries, genesisAt, raced) : first).fold.finish();
}

async function foldFrom(entries: readonly (LogEntry | null)[], genesisAt: number, skip: ReadonlySet<number>) {
  const fold = new Fold(entries[genesisAt]!);
  fold.state.ignored = genesisAt;
  for (let i = genesisAt + 1; i < entries.length; i++) {
    const entry = entries[i];
    fold.at = i;
    const applied = entry && !skip.has(i) ? await fold.apply(entry).catch(() => false) : false;
    if (!applied) fold.state.ignored++;
  }
  return { fold, removals: fold.removals };
}

/** Indexes of entries, before a removal, signed by a device it removed, that the removal does not say it saw. */
function racedRemovals(entries: readonly (LogEntry | null)[], genesisAt: number, removals: readonly AppliedRemoval[], places: readonly (EntryPlace | undefined)[]): Set<number> {
  const raced = new Set<number>();
  for (const removal of removals) {
    if (!removal.seenFrom) continue;
    for (let i = genesisAt + 1; i < removal.at; i++) {
      const entry = entries[i];
      const place = places[i];
      if (!entry || !place || !removal.devices.has(entry.signer)) continue;
      if (place.clock >= (removal.seenFrom.get(place.client) ?? 0)) raced.add(i);
    }
  }
  return raced;
}

interface AppliedRemoval {
  at: number;
  devices: ReadonlySet<string>;
  seenFrom: ReadonlyMap<number, number> | null;
}

/** The index of the first well-formed, self-signed genesis, or -1. */
async function findGenesis(entries: readonly (LogEntry | null)[]): Promise<number> {
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry?.body.type !== 'genesis') continue;
    const { device } = entry.body;
    if (entry.signer !== device.deviceId || (await deviceIdOf(device.signingPublic)) !== device.deviceId) continue;
    if (await entry.verify(device.signingPublic)) return i;
  }
  return -1;
}

class Fold {
  readonly state: MembershipState;
  /** The index of the entry being applied. */
  at = 0;
  readonly removals: AppliedRemoval[] = [];
  private readonly planId: string;
  /** Devices that were given the current epoch's secret (removed ones included). */
  private knownBy = new Set<string>();
  private readonly bodies = new Set<string>();

  constructor(genesis: LogEntry) {
    const body = genesis.body as Extract<EntryBody, { type: 'genesis' }>;
    this.planId = genesis.planId;
    this.bodies.add(genesis.bodyHash);
    this.state = { ...legacyState(), kind: 'established', genesisHash: genesis.hash, planId: genesis.planId };
    const member: MemberRecord = { memberId: body.member.memberId, info: body.member.info, chair: true, devices: [] };
    this.state.members.push(member);
    this.addDevice(member, body.device, body.at);
    const own = body.sealed.get(body.device.deviceId);
    if (own) this.giveKey(body.device.deviceId, own);
  }

  async apply(entry: LogEntry): Promise<boolean> {
    if (entry.planId !== this.planId || this.bodies.has(entry.bodyHash)) return false;
    const signer = this.state.devices.get(entry.signer);
    const member = memberOfDevice(this.state, entry.signer);
    if (!signer || !member || !(await entry.verify(signer.signingPublic))) return false;
    this.bodies.add(entry.bodyHash);
    const body = entry.body;
    switch (body.type) {
      case 'genesis':
        return false;
      case 'invite':
        if (this.state.invitations.has(body.tokenHash)) return false;
        this.state.invitations.set(body.tokenHash, { by: signer.deviceId, at: body.at });
        return true;
      case 'admit':
        return this.admit(body, member);
      case 'remove':
        return member.chair && this.remove(body, member);
      case 'rotate':
        return member.chair && body.epoch === this.state.epoch + 1 && this.covers(body.sealed, body.seen) && this.rotate(body.epoch, body.sealed);
      case 'rekey':
        return member.chair && this.rekey(body.epoch, body.sealed);
      case 'chair':
        return member.chair && this.setChair(body.memberId, body.chair, body.seenFrom);
      case 'client': {
        if (this.state.clients.has(body.clientId)) return false;
        if ((await clientIdFor(signer.signingPublic, body.nonce)) !== body.clientId) return false;
        this.state.clients.set(body.clientId, signer.deviceId);
        return true;
      }
    }
  }

  finish(): MembershipState {
    const state = this.state;
    state.members = state.members.map((m) => ({
      ...m,
      devices: m.devices.map((d) => state.devices.get(d.deviceId)!).filter((d) => d.memberId === m.memberId),
    }));
    const current = [...state.devices.values()].filter((d) => !d.removed);
    state.devicesWithoutKey = current.filter((d) => !state.sealedFor.has(d.deviceId)).map((d) => d.deviceId);
    state.needsRotation = [...this.knownBy].some((id) => state.devices.get(id)?.removed !== undefined);
    return state;
  }

  private async admit(body: Extract<EntryBody, { type: 'admit' }>, admitter: MemberRecord): Promise<boolean> {
    const { device } = body;
    const existing = this.state.devices.get(device.deviceId);
    if (existing && !existing.removed) return false;
    if ((await deviceIdOf(device.signingPublic)) !== device.deviceId) return false;
    const invitation = body.tokenHash === null ? null : this.state.invitations.get(body.tokenHash);
    if (body.tokenHash === null && !admitter.chair) return false;
    if (body.tokenHash !== null && (!invitation || invitation.usedBy !== undefined)) return false;
    const inviter = invitation ? memberOfDevice(this.state, invitation.by) : null;
    if (!admitter.chair && inviter?.memberId !== admitter.memberId) return false;
    let member = this.state.members.find((m) => m.memberId === body.member.memberId);
    if (member?.removed) return false;
    // Only a chair attaches a device to someone else's member record (it would inherit their standing).
    if (member && !admitter.chair && member.memberId !== admitter.memberId) return false;
    if (!member) {
      member = { memberId: body.member.memberId, info: body.member.info, chair: false, devices: [] };
      this.state.members.push(member);
    }
    if (invitation) invitation.usedBy = device.deviceId;
    this.addDevice(member, device, body.at);
    if (body.epoch === this.state.epoch) this.giveKey(device.deviceId, body.sealed);
    return true;
  }

  private remove(body: Extract<EntryBody, { type: 'remove' }>, by: MemberRecord): boolean {
    const targets: DeviceRecord[] = [];
    let member: MemberRecord | undefined;
    if (body.memberId !== undefined) {
      member = this.state.members.find((m) => m.memberId === body.memberId && !m.removed);
      if (!member) return false;
      targets.push(...member.devices.filter((d) => !this.state.devices.get(d.deviceId)!.removed));
    } else {
      const device = this.state.devices.get(body.deviceId!);
      if (!device || device.removed) return false;
      targets.push(device);
      const owner = this.state.members.find((m) => m.memberId === device.memberId)!;
      // A member's last device removed is the member removed.
      if (owner.devices.every((d) => d.deviceId === device.deviceId || this.state.devices.get(d.deviceId)!.removed)) member = owner;
    }
    const removed = new Set(targets.map((d) => d.deviceId));
    if (targets.some((d) => body.sealed.has(d.deviceId))) return false;
    if (member?.chair && !this.chairsRemain(member.memberId)) return false;
    if (!this.covers(body.sealed, body.seen, removed)) return false;
    this.removals.push({ at: this.at, devices: removed, seenFrom: body.seenFrom ? new Map(body.seenFrom) : null });
    const mark = { at: body.at, by: by.memberId };
    for (const d of targets) this.state.devices.set(d.deviceId, { ...d, removed: mark });
    if (member) member.removed = body.reason ? { ...mark, reason: body.reason } : mark;
    if (body.epoch === this.state.epoch + 1) this.rotate(body.epoch, body.sealed);
    else for (const id of removed) this.state.sealedFor.delete(id);
    return true;
  }

  /**
   * Whether `sealed` reaches every current device (but those in `leaving`), allowing as many gaps
   * as devices were admitted after the writer's view (`seen` admissions): those raced it.
   */
  private covers(sealed: Sealed, seen: number, leaving: ReadonlySet<string> = new Set()): boolean {
    if (seen > this.state.admissions) return false;
    let missing = 0;
    for (const d of this.state.devices.values()) {
      if (!d.removed && !leaving.has(d.deviceId) && !sealed.has(d.deviceId)) missing++;
    }
    return missing <= this.state.admissions - seen;
  }

  private rotate(epoch: number, sealed: Sealed): boolean {
    this.state.epoch = epoch;
    this.state.sealedFor = new Map();
    this.knownBy = new Set();
    for (const [deviceId, bytes] of sealed) {
      const device = this.state.devices.get(deviceId);
      if (device && !device.removed) this.giveKey(deviceId, bytes);
    }
    return true;
  }

  private rekey(epoch: number, sealed: Sealed): boolean {
    if (epoch !== this.state.epoch) return false;
    let given = 0;
    for (const [deviceId, bytes] of sealed) {
      const device = this.state.devices.get(deviceId);
      if (!device || device.removed || this.state.sealedFor.has(deviceId)) continue;
      this.giveKey(deviceId, bytes);
      given++;
    }
    return given > 0;
  }

  private setChair(memberId: string, chair: boolean, seenFrom: [number, number][] | undefined): boolean {
    const member = this.state.members.find((m) => m.memberId === memberId && !m.removed);
    if (!member || member.chair === chair) return false;
    if (!chair && !this.chairsRemain(memberId)) return false;
    member.chair = chair;
    // Stepping down wins, as a removal does, over what the former chair wrote unseen before it.
    if (!chair) this.removals.push({ at: this.at, devices: new Set(member.devices.map((d) => d.deviceId)), seenFrom: seenFrom ? new Map(seenFrom) : null });
    return true;
  }

  /** Whether a chair with a current device remains once `leaving` is no longer one. */
  private chairsRemain(leaving: string): boolean {
    return this.state.members.some(
      (m) => m.chair && !m.removed && m.memberId !== leaving && m.devices.some((d) => !this.state.devices.get(d.deviceId)!.removed),
    );
  }

  private addDevice(member: MemberRecord, keys: { deviceId: string; signingPublic: Uint8Array; agreementPublic: Uint8Array }, at: string): void {
    const record: DeviceRecord = { deviceId: keys.deviceId, memberId: member.memberId, signingPublic: keys.signingPublic, agreementPublic: keys.agreementPublic, admittedAt: at };
    this.state.devices.set(keys.deviceId, record);
    member.devices = [...member.devices.filter((d) => d.deviceId !== keys.deviceId), record];
    this.state.admissions++;
  }

  private giveKey(deviceId: string, sealed: Uint8Array): void {
    this.state.sealedFor.set(deviceId, sealed);
    this.knownBy.add(deviceId);
  }
}
