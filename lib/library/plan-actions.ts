/**
 * What the plan list does: create, rename and delete plans on this device, keeping the plan index
 * and the plan documents in step. A plan's family name lives in its (shared) document; the index
 * holds a copy for listing, refreshed whenever the plan is open (see summary-sync.ts).
 */
import { createPlan, newId, setMetaField, type Division, type NewChild, type NewConference } from '../plan/index.ts';
import type { KeyValueArea } from '../platform/key-value-area.ts';
import { createPlanSession, openPlanSession, type PlanSession } from '../sync/plan-session.ts';
import { deletePlanData } from '../sync/persistence.ts';
import { forgetWorkedOn } from '../checks/worked-on.ts';
import { getPlanSummary, listPlans, putPlanSummary, removePlanSummary, type PlanSummary } from './plan-index.ts';
import { createInviteSecret, deriveRoomKeys } from '../sync/invite.ts';
import { findOwnProfile } from '../settings/own-profiles.ts';

export interface NewPlan {
  familyName: string;
  children: NewChild[];
  profileId: string;
  division: Division;
  /** The initial conference, when held or booked (see CreatePlanArgs). */
  conference?: NewConference;
}

/**
 * Creates a plan on this device (the caller has validated `input`); resolves to its id once stored.
 * A plan that uses one of the member's own profiles carries a copy of it, so colleagues who open it
 * on their devices count the same dates.
 */
export async function createNewPlan(area: KeyValueArea, input: NewPlan, createdBy: string, today: string): Promise<string> {
  const id = newId();
  const profile = await findOwnProfile(area, input.profileId);
  const session = await createPlanSession(id, (doc) => createPlan(doc, { ...input, profile, createdBy, createdAt: today }));
  await putPlanSummary(area, {
    id,
    familyName: input.familyName.trim(),
    childNames: input.children.map((c) => c.name.trim()),
    profileId: input.profileId,
    division: input.division,
    createdAt: today,
  });
  await session.close();
  return id;
}

/**
 * Renames a plan: in its document (so every member sees it) and in the index. Uses the open
 * session when there is one, otherwise opens the plan briefly.
 */
export async function renamePlan(area: KeyValueArea, planId: string, familyName: string, open?: PlanSession): Promise<void> {
  const session = open ?? (await openPlanSession(planId));
  try {
    setMetaField(session.doc, { field: 'familyName', value: familyName.trim() });
    await session.persistence.flush();
  } finally {
    if (!open) await session.close();
  }
  const summary = await getPlanSummary(area, planId);
  if (summary) await putPlanSummary(area, { ...summary, familyName: familyName.trim() });
}

/**
 * Removes a plan and every local byte of it: its database first (pages that have it open are
 * closed by the browser), then its entry in the list.
 */
export async function deletePlan(area: KeyValueArea, planId: string, factory?: IDBFactory): Promise<void> {
  await deletePlanData(planId, factory);
  await forgetWorkedOn(area, planId);
  await removePlanSummary(area, planId);
}

/** Shares a plan: creates its invite secret (once) and keeps it with the plan on this device. */
export async function ensureInviteSecret(area: KeyValueArea, planId: string): Promise<string> {
  const summary = await getPlanSummary(area, planId);
  if (!summary) throw new Error('This plan is not on this device.');
  if (summary.inviteSecret) return summary.inviteSecret;
  const secret = createInviteSecret();
  await putPlanSummary(area, { ...summary, inviteSecret: secret });
  return secret;
}

/**
 * Joins a shared plan from its invite secret: lists it on this device (its id derived from the
 * secret, so joining twice finds the same plan) with no content. Nothing is seeded: the plan
 * arrives from the first colleague met. Returns the plan id.
 */
export async function joinPlan(area: KeyValueArea, secret: string, today: string): Promise<{ planId: string; alreadyHere: boolean }> {
  const { planId } = await deriveRoomKeys(secret);
  const existing = (await listPlans(area)).find((p) => p.inviteSecret === secret || p.id === planId);
  if (existing) return { planId: existing.id, alreadyHere: true };
  await putPlanSummary(area, {
    id: planId,
    familyName: '',
    childNames: [],
    profileId: '',
    division: 'england-and-wales',
    createdAt: today,
    inviteSecret: secret,
  });
  return { planId, alreadyHere: false };
}

/** What a welcome gives a newly admitted device (lib/membership/join-request.ts's Welcome). */
export interface Admission {
  planId: string;
  epoch: number;
  epochSecret: string;
  genesisHash: string;
  familyName: string;
}

/**
 * Lists a plan this device was admitted to, from the welcome: its id and the secret of its current
 * epoch (kept as the invite secret too, the one this device can sync with until the plan's log
 * arrives), and the genesis hash this device pins. Being admitted again updates the secrets.
 */
export async function joinAdmitted(area: KeyValueArea, admission: Admission, today: string): Promise<{ planId: string; alreadyHere: boolean }> {
  const existing = await getPlanSummary(area, admission.planId);
  const secrets = { inviteSecret: existing?.inviteSecret ?? admission.epochSecret, epochSecret: admission.epochSecret, epoch: admission.epoch, genesisHash: admission.genesisHash };
  await putPlanSummary(area, {
    ...(existing ?? { id: admission.planId, familyName: admission.familyName, childNames: [], profileId: '', division: 'england-and-wales', createdAt: today }),
    ...secrets,
  } as PlanSummary);
  return { planId: admission.planId, alreadyHere: !!existing };
}
