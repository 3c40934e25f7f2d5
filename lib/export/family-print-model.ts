/**
 * The plan as the family reads it (seed 002: written so parents and carers understand it): who it
 * is for, what we are worried about, what the children think and feel, what is going well, what
 * needs to change, who does what by when, what happens if things do not get better, when we meet
 * next (booked, or else the date the timescales say it must be held by), and who the social worker
 * is and how to reach them. Every piece of text is put into plain language with the shipped lexicon
 * (toPlainLanguage), so "the ICPC" reads "the first child protection conference". Professional
 * detail (sources, dissent, agency reports) stays in the professional version.
 */
import type * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import {
  Action,
  Meeting,
  Member,
  Outcome,
  planRoots,
  readArrangements,
  readChildren,
  readMeta,
  richTextFragment,
  type RichTextField,
} from '../plan/index.ts';
import { toPlainLanguage } from '../rules/checks/plain-language.ts';
import { describeOwner, readMemberDirectory } from '../outcomes/owners.ts';
import { meetingKindLabel } from '../meetings/meeting-kinds.ts';
import { compareDatedFirst } from '../dates/date-order.ts';
import { dateInWords } from '../dates/date-words.ts';
import { isIsoDate } from '../dates/iso-date.ts';
import { isBlank, readRichText } from '../plan/rich-text.ts';
import { toPlainLanguageNode } from './plain-language-node.ts';
import { nextMeeting, nextMeetingDue, type MeetingDeadlines } from './next-meeting.ts';
import { familyContact, type FamilyContact } from './family-contact.ts';

export interface FamilyChild {
  name: string;
  /** "Born 14 March 2019", "Due 2 June 2026", or '' when neither date is known. */
  born: string;
}

export interface FamilyOutcome {
  statement: string;
  byWhen: string;
  howWeWillKnow: string;
}

export interface FamilyAction {
  what: string;
  who: string;
  byWhen: string;
}

export interface FamilyPrintModel {
  familyName: string;
  children: FamilyChild[];
  /** One entry per kind of harm that has been written about. */
  worries: { title: string; text: PMNode }[];
  dangerStatement: PMNode | null;
  strengths: PMNode | null;
  outcomes: FamilyOutcome[];
  /** Every action, soonest due first; undated ones last. */
  actions: FamilyAction[];
  contingency: PMNode | null;
  /** The children's views, wishes and feelings, as the plan records them (Strengthening Families). */
  childsViews: PMNode | null;
  /** "Review child protection conference on 3 June 2026", or null when none is booked. */
  nextMeeting: string | null;
  /**
   * When none is booked: "The next plan meeting must be held by 9 December 2026.", from the plan's
   * deadlines; null when they were not given or none is outstanding.
   */
  nextMeetingDue: string | null;
  /** Who the social worker is and how to reach them (or how to find out). */
  contact: FamilyContact;
  /** How often the social worker visits, as agreed; '' when not recorded. */
  visits: string;
}

/** Harm as a parent would name it; the four categories of abuse or neglect (Wirral 3.11). */
const WORRIES: { field: RichTextField; title: string }[] = [
  { field: 'harm-physical', title: 'Physical harm' },
  { field: 'harm-emotional', title: 'Emotional harm' },
  { field: 'harm-sexual', title: 'Sexual harm' },
  { field: 'harm-neglect', title: 'Neglect' },
];

const plain = (text: string) => toPlainLanguage(text.trim());

function plainField(doc: Y.Doc, field: RichTextField): PMNode | null {
  const node = readRichText(richTextFragment(doc, field));
  return isBlank(node) ? null : toPlainLanguageNode(node);
}

function bornText(child: { dob: string; edd: string }): string {
  if (isIsoDate(child.dob)) return `Born ${dateInWords(child.dob)}`;
  if (isIsoDate(child.edd)) return `Due ${dateInWords(child.edd)}`;
  return '';
}

const byWhen = (date: string) => dateInWords(date, 'No date set yet');

/** "The next plan meeting must be held by 9 December 2026.", or that it should have been. */
function meetingDueLine(due: MeetingDeadlines | undefined): string | null {
  const next = due && nextMeetingDue(due);
  if (!next) return null;
  const label = plain(meetingKindLabel(next.kind));
  const what = `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
  return next.overdue
    ? `The next ${what} should have been held by ${dateInWords(next.due)}. Ask your social worker when it will be.`
    : `The next ${what} must be held by ${dateInWords(next.due)}.`;
}

/**
 * The family version of the plan; `today` (yyyy-MM-dd) picks the next meeting, and the plan's
 * deadlines (`due`, from lib/due) say when it must be held when none is booked.
 */
export function familyPrintModel(doc: Y.Doc, today: string, due?: MeetingDeadlines): FamilyPrintModel {
  const roots = planRoots(doc);
  const directory = readMemberDirectory(roots.members);
  const outcomes = Outcome.liveMaps(roots.outcomes);
  const actions = outcomes
    .flatMap((map) => Action.readAll(Outcome.list(map, 'actions')))
    .map((action, index) => ({ action, index }))
    .sort((a, b) => compareDatedFirst(a.action.dueDate, b.action.dueDate) || a.index - b.index)
    .map(({ action }): FamilyAction => {
      const owner = describeOwner(directory, action.ownerId);
      const agency = (action.agency || owner?.agency || '').trim();
      const name = owner?.name.trim() || '';
      // As one phrase, so an agency's acronym in brackets is not taken for the start of a sentence.
      const who = plain(name && agency ? `${name} (${agency})` : name || agency) || 'Not decided yet';
      return { what: plain(action.description), who, byWhen: byWhen(action.dueDate) };
    });
  // A home visit is not a meeting the family is invited to as a group.
  const next = nextMeeting(Meeting.readAll(roots.meetings).filter((m) => m.kind !== 'visit'), today);
  return {
    familyName: readMeta(doc).familyName.trim(),
    children: readChildren(doc).map((child) => ({ name: child.name.trim() || 'Unnamed child', born: bornText(child) })),
    worries: WORRIES.flatMap(({ field, title }) => {
      const text = plainField(doc, field);
      return text ? [{ title, text }] : [];
    }),
    dangerStatement: plainField(doc, 'danger-statement'),
    strengths: plainField(doc, 'strengths'),
    outcomes: outcomes.map((map) => {
      const outcome = Outcome.read(map);
      return { statement: plain(outcome.statement), byWhen: byWhen(outcome.dueDate), howWeWillKnow: plain(outcome.measure) };
    }),
    actions,
    contingency: plainField(doc, 'contingency'),
    childsViews: plainField(doc, 'childs-views'),
    nextMeeting: next ? `${plain(meetingKindLabel(next.kind))} on ${dateInWords(next.date)}` : null,
    nextMeetingDue: next ? null : meetingDueLine(due),
    visits: plain(readArrangements(doc).visitFrequency),
    contact: familyContact(Member.readAll(roots.members), plain),
  };
}
