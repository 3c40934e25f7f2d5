/**
 * A core group's recommendation that the plan ends (seed 003, Wirral 7.1 and 7.4: the core group
 * meets before the review conference and gives it its recommendations; a core group recommending
 * the end of the plan is chaired by a team manager). Kept on the meeting record: whether it
 * recommends ending, why, and the date it asks the review conference to be held by, which brings
 * the review forward (lib/due/review-brought-forward.ts). Dissent from it is a Dissent record
 * of the meeting marked `about: END_OF_PLAN_DISSENT`, so it is kept with its reasons like any other.
 */
import type * as Y from 'yjs';
import { COMMAND_ORIGIN } from '../origin.ts';
import { findRecord } from '../records.ts';
import { planRoots } from '../roots.ts';
import { isIsoDate } from '../../dates/iso-date.ts';
import { Dissent, END_OF_PLAN_DISSENT, Meeting } from './meetings.ts';

export interface EndRecommendation {
  meetingId: string;
  /** The date of the core group that made it (yyyy-MM-dd). */
  date: string;
  reasons: string;
  /** The date the review conference is asked to be held by (yyyy-MM-dd). */
  reviewBy: string;
  dissent: { id: string; who: string; agency: string; reason: string }[];
}

const meetingOf = (doc: Y.Doc, meetingId: string) => findRecord(planRoots(doc).meetings, meetingId);

/**
 * Records that the core group `meetingId` recommends the plan ends, with its reasons and the date
 * it asks the review conference to be held by. Reasons and a real date are checked by the caller
 * (checkEndRecommendation); here their absence is a programming mistake: RangeError.
 */
export function recommendEnd(doc: Y.Doc, args: { meetingId: string; reasons: string; reviewBy: string }): void {
  if (args.reasons.trim() === '') throw new RangeError('recommendEnd: the reasons are required');
  if (!isIsoDate(args.reviewBy)) throw new RangeError(`recommendEnd: reviewBy "${args.reviewBy}" is not a date`);
  Meeting.update(doc, planRoots(doc).meetings, args.meetingId, {
    recommendsEnd: true,
    endReasons: args.reasons.trim(),
    reviewBy: args.reviewBy,
  });
}

/** Withdraws the recommendation (the group changed its mind); reasons and dissent stay on record. */
export function withdrawEndRecommendation(doc: Y.Doc, args: { meetingId: string }): void {
  Meeting.set(doc, planRoots(doc).meetings, args.meetingId, 'recommendsEnd', false);
}

/** Records a member's dissent from the recommendation, with their reasons; returns its id. */
export function addEndDissent(doc: Y.Doc, args: { meetingId: string; who: string; agency: string; reason: string }): string | undefined {
  const meeting = meetingOf(doc, args.meetingId);
  if (!meeting) return undefined;
  let id: string | undefined;
  doc.transact(() => {
    Meeting.addMissingLists(doc, planRoots(doc).meetings, args.meetingId);
    id = Dissent.add(doc, Meeting.list(meeting, 'dissent'), {
      who: args.who.trim(),
      agency: args.agency.trim(),
      reason: args.reason.trim(),
      about: END_OF_PLAN_DISSENT,
    });
  }, COMMAND_ORIGIN);
  return id;
}

/** The recommendation made by the meeting `record`, or null when it made none. */
export function endRecommendationOf(record: Y.Map<unknown>): EndRecommendation | null {
  const meeting = Meeting.read(record);
  if (!meeting.recommendsEnd) return null;
  const dissent = Meeting.listIfPresent(record, 'dissent');
  return {
    meetingId: meeting.id,
    date: meeting.date,
    reasons: meeting.endReasons,
    reviewBy: meeting.reviewBy,
    dissent: (dissent ? Dissent.readAll(dissent) : [])
      .filter((d) => d.about === END_OF_PLAN_DISSENT)
      .map(({ id, who, agency, reason }) => ({ id, who, agency, reason })),
  };
}

/**
 * The plan's standing recommendation to end: the one made by the latest held core group, if that
 * core group made one (a later core group that did not recommend ending replaces it), and none once
 * a review conference has been held on or after it.
 */
export function standingEndRecommendation(doc: Y.Doc): EndRecommendation | null {
  const held = Meeting.liveMaps(planRoots(doc).meetings)
    .map((record) => ({ record, meeting: Meeting.read(record) }))
    .filter(({ meeting }) => !meeting.scheduled && isIsoDate(meeting.date));
  const coreGroups = held.filter(({ meeting }) => meeting.kind === 'core-group').sort((a, b) => a.meeting.date.localeCompare(b.meeting.date));
  const latest = coreGroups[coreGroups.length - 1];
  const recommendation = latest ? endRecommendationOf(latest.record) : null;
  if (!recommendation) return null;
  const reviewed = held.some(({ meeting }) => meeting.kind === 'rcpc' && meeting.date >= recommendation.date);
  return reviewed ? null : recommendation;
}
