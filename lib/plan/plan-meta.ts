/**
 * Commands and reads for the plan as a whole: creating it (the one place default content is
 * written, by the creator only) and its short fields.
 */
import * as Y from 'yjs';
import { planRoots } from './roots.ts';
import { COMMAND_ORIGIN } from './origin.ts';
import { SCHEMA_VERSION } from './migrations.ts';
import { createRecord } from './records.ts';
import { Meeting, type MeetingKind } from './records/meetings.ts';
import { keepOnlyProfileCopy, profileCopyValue } from './plan-profile-copy.ts';
import type { Profile } from '../rules/deadlines/profiles/index.ts';
import { DIVISIONS, PLAN_STATUSES, type Division, type NewChild, type NewConference, type PlanMeta, type PlanStatus } from './types.ts';

export interface CreatePlanArgs {
  familyName: string;
  children: NewChild[];
  profileId: string;
  /**
   * The definition of `profileId` when it is one of the member's own profiles (not shipped): the
   * plan carries a copy, so colleagues count with it too (plan-profile-copy.ts). Omit for a shipped one.
   */
  profile?: Profile;
  division: Division;
  /**
   * The initial conference, when it has been held or booked: recorded as the plan's first meeting,
   * since every timescale of the plan counts from it.
   */
  conference?: NewConference;
  /** The creator's declared name, as shown in settings. */
  createdBy: string;
  /** yyyy-MM-dd. */
  createdAt: string;
}

/**
 * Writes a new plan's starting content into an empty document. Called once, by the member who
 * creates the plan; never on open (two peers seeding would duplicate content once they sync).
 */
export function createPlan(doc: Y.Doc, args: CreatePlanArgs): void {
  const { meta, children } = planRoots(doc);
  if (meta.has('schemaVersion')) throw new RangeError('createPlan: the document already holds a plan');
  const copy = planProfileCopy('createPlan', args.profileId, args.profile);
  doc.transact(() => {
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('familyName', args.familyName.trim());
    meta.set('address', '');
    meta.set('status', 'outline' satisfies PlanStatus);
    meta.set('profileId', args.profileId);
    meta.set('division', args.division);
    meta.set('createdAt', args.createdAt);
    meta.set('createdBy', args.createdBy);
    keepOnlyProfileCopy(meta, args.profileId, copy);
    children.push(
      args.children.map((child) =>
        createRecord({ name: child.name.trim(), dob: child.dob ?? '', edd: child.edd ?? '', school: '', gp: '' }),
      ),
    );
    if (args.conference) {
      const { date, scheduled } = args.conference;
      Meeting.add(doc, planRoots(doc).meetings, { kind: initialConferenceKind(args.children), date, scheduled });
    }
  }, COMMAND_ORIGIN);
}

/**
 * The kind of a new plan's initial conference: a pre-birth conference when no child is born yet
 * (seed 001: it "applies as ICPC"), otherwise an initial child protection conference.
 */
export function initialConferenceKind(children: readonly NewChild[]): MeetingKind {
  return children.length > 0 && children.every((child) => !child.dob) ? 'pre-birth' : 'icpc';
}

/** The plan's short fields, with safe defaults for any a peer has not sent yet. */
export function readMeta(doc: Y.Doc): PlanMeta {
  const meta = planRoots(doc).meta;
  const str = (key: string) => {
    const value = meta.get(key);
    return typeof value === 'string' ? value : '';
  };
  const status = str('status');
  const division = str('division');
  const version = meta.get('schemaVersion');
  return {
    schemaVersion: typeof version === 'number' ? version : 0,
    familyName: str('familyName'),
    address: str('address'),
    status: (PLAN_STATUSES as readonly string[]).includes(status) ? (status as PlanStatus) : 'outline',
    profileId: str('profileId'),
    division: (DIVISIONS as readonly string[]).includes(division) ? (division as Division) : 'england-and-wales',
    createdAt: str('createdAt'),
    createdBy: str('createdBy'),
  };
}

/** The fields a member edits directly as text. */
export type EditableMetaField = 'familyName' | 'address';

/** Sets one of the plan's short text fields. */
export function setMetaField(doc: Y.Doc, args: { field: EditableMetaField; value: string }): void {
  if (args.field !== 'familyName' && args.field !== 'address') {
    throw new RangeError(`setMetaField: "${String(args.field)}" is not an editable field`);
  }
  doc.transact(() => planRoots(doc).meta.set(args.field, args.value), COMMAND_ORIGIN);
}

/**
 * Sets the plan's timescale profile and bank-holiday division. `profile`: the definition of
 * `profileId` when it is one of the member's own profiles, stored as the plan's copy (omit it for a
 * shipped profile, or when only the division changes: the plan's copy of its profile then stays).
 * Copies of profiles the plan no longer names are removed.
 */
export function setPlanRules(doc: Y.Doc, args: { profileId: string; division: Division; profile?: Profile }): void {
  if (!DIVISIONS.includes(args.division)) throw new RangeError(`setPlanRules: unknown division "${args.division}"`);
  const copy = planProfileCopy('setPlanRules', args.profileId, args.profile);
  doc.transact(() => {
    const meta = planRoots(doc).meta;
    meta.set('profileId', args.profileId);
    meta.set('division', args.division);
    keepOnlyProfileCopy(meta, args.profileId, copy);
  }, COMMAND_ORIGIN);
}

/** The copy to store for `profileId`, checked before any transaction starts (see `profileCopyValue`). */
function planProfileCopy(command: string, profileId: string, profile: Profile | undefined): Profile | undefined {
  if (!profile) return undefined;
  if (profile.id !== profileId) throw new RangeError(`${command}: the profile given is "${profile.id}", not "${profileId}"`);
  return profileCopyValue(profile, command);
}
