/**
 * The kinds of meeting a plan records, as people say them: full words, no acronyms, so a parent or a
 * new member reads the list without a glossary. The stored ids (lib/plan/records/meetings.ts) stay
 * short; only labels change here.
 */
import { MEETING_KINDS, type MeetingKind } from '../plan/index.ts';

/** The plain-English name of each kind of meeting. */
export const MEETING_KIND_LABELS: Readonly<Record<MeetingKind, string>> = {
  strategy: 'Strategy discussion',
  icpc: 'Initial child protection conference',
  'core-group': 'Core group meeting',
  rcpc: 'Review child protection conference',
  'transfer-in': 'Transfer-in conference',
  'pre-birth': 'Pre-birth conference',
  visit: 'Visit',
};

/**
 * The conferences agencies write reports for (seed 001 Appendix 1: "Initial/Review child protection
 * conference report"; a pre-birth conference "applies as ICPC" and a transfer-in conference is an
 * initial conference in the receiving area).
 */
export const CONFERENCE_KINDS: readonly MeetingKind[] = ['icpc', 'rcpc', 'pre-birth', 'transfer-in'];

/** True for a stored kind this version knows. */
export function isMeetingKind(kind: string): kind is MeetingKind {
  return (MEETING_KINDS as readonly string[]).includes(kind);
}

/** True for a kind of child protection conference (one that takes agency reports). */
export function isConference(kind: string): boolean {
  return isMeetingKind(kind) && CONFERENCE_KINDS.includes(kind);
}

/**
 * The label of a stored kind. A kind this version does not know (written by a newer peer, or
 * missing) reads as "Meeting" rather than failing or showing an id.
 */
export function meetingKindLabel(kind: string): string {
  return isMeetingKind(kind) ? MEETING_KIND_LABELS[kind] : 'Meeting';
}
