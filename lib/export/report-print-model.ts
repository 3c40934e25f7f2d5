/**
 * One agency's report to a conference, laid out as the local template (seed 001 Appendix 1,
 * "Initial/Review child protection conference report"): its boxes in the template's order, filled
 * from the report and the plan. Where the plan holds nothing for a box (the template asks for a
 * parent's date of birth, which the plan does not record) the box says so rather than vanishing,
 * so the printed report still follows the template reader's expectations.
 */
import type * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import { AgencyReport, ChronologyEntry, Meeting, Person, findRecord, planRoots, readChildren, readMeta } from '../plan/index.ts';
import { dateInWords } from '../dates/date-words.ts';
import { meetingTitle } from '../meetings/meeting-title.ts';
import { sortChronology } from '../chronology/chronology-order.ts';
import { personKind } from '../framework/person-draft.ts';
import { isBlank, readRichText } from '../plan/rich-text.ts';

/** The template's three rows of "Summary of information held by your agency", with its guidance. */
export const REPORT_DOMAINS = [
  {
    field: 'developmental-needs',
    title: 'Child’s developmental needs',
    guidance: 'Health; education; emotional and behavioural development; identity; family and social relationships; social presentation; self care skills.',
  },
  {
    field: 'parenting-capacity',
    title: 'Parenting capacity',
    guidance:
      'Basic care; ensuring safety; emotional warmth; stimulation; guidance and boundaries; stability. Including the impact of factors such as mental health, domestic abuse and substance misuse on parenting.',
  },
  {
    field: 'family-environment',
    title: 'Family and environmental factors',
    guidance:
      'Family history; family functioning; wider family; housing; employment; income; family and social integration; community resources, including significant others associated with the household.',
  },
] as const;

export interface ReportPrintModel {
  title: string;
  agency: string;
  author: string;
  conference: string;
  children: { name: string; born: string; address: string; gp: string; school: string }[];
  parents: { name: string; born: string; address: string }[];
  others: { name: string; born: string; relationship: string }[];
  /** '' when the report does not say (the agency's own words, unlike the boxes filled from the plan). */
  lengthOfInvolvement: string;
  involvement: PMNode | null;
  /** Entries of the plan's chronology from this agency (matched on its name). */
  agencyChronology: { date: string; event: string; source: string }[];
  summary: { title: string; guidance: string; text: PMNode | null }[];
  viewOnHarm: string;
  whatNeedsToChange: PMNode | null;
  contribution: PMNode | null;
  sharedWithParent: string;
  sharedWithChild: string;
  date: string;
}

/** What the plan does not hold for a box the template has. */
export const NOT_RECORDED = 'Not recorded';

const text = (value: string) => value.trim() || NOT_RECORDED;
const shared = (flag: boolean, on: string) => (flag ? `Yes, on ${dateInWords(on, 'a date not given')}` : 'No');
const norm = (agency: string) => agency.trim().toLocaleLowerCase('en-GB');

function titleFor(kind: string | undefined): string {
  if (kind === 'rcpc') return 'Review child protection conference report';
  if (kind === undefined) return 'Initial or review child protection conference report';
  return 'Initial child protection conference report';
}

/** The report `reportId` laid out as the template, or null when there is no such live report. */
export function reportPrintModel(doc: Y.Doc, reportId: string): ReportPrintModel | null {
  const roots = planRoots(doc);
  const map = findRecord(roots.reports, reportId);
  if (!map || map.get('deleted') === true) return null;
  const report = AgencyReport.read(map);
  const meeting = Meeting.readAll(roots.meetings).find((m) => m.id === report.meetingId);
  const address = readMeta(doc).address;
  const people = Person.readAll(roots.people);
  const rich = (field: string) => {
    const node = readRichText(AgencyReport.fragment(map, field));
    return isBlank(node) ? null : node;
  };
  return {
    title: titleFor(meeting?.kind),
    agency: text(report.agency),
    author: text(report.author),
    conference: meeting ? meetingTitle(meeting) : 'No conference chosen',
    children: readChildren(doc).map((c) => ({
      name: text(c.name),
      born: c.dob ? dateInWords(c.dob) : c.edd ? `Expected ${dateInWords(c.edd)}` : NOT_RECORDED,
      address: text(address),
      gp: text(c.gp),
      school: text(c.school),
    })),
    parents: people
      .filter((p) => personKind(p.kind) !== 'significant')
      .map((p) => ({ name: p.relationship.trim() ? `${text(p.name)} (${p.relationship.trim()})` : text(p.name), born: NOT_RECORDED, address: NOT_RECORDED })),
    others: people
      .filter((p) => personKind(p.kind) === 'significant')
      .map((p) => ({ name: text(p.name), born: NOT_RECORDED, relationship: text(p.relationship) })),
    lengthOfInvolvement: report.lengthOfInvolvement.trim(),
    involvement: rich('involvement'),
    agencyChronology:
      norm(report.agency) === ''
        ? []
        : sortChronology(ChronologyEntry.readAll(roots.chronology))
            .filter((e) => norm(e.agency) === norm(report.agency))
            .map((e) => ({ date: dateInWords(e.date, 'Date not given'), event: e.event, source: e.sourceLink.trim() || e.agency.trim() })),
    summary: REPORT_DOMAINS.map((d) => ({ title: d.title, guidance: d.guidance, text: rich(d.field) })),
    viewOnHarm: report.viewOnHarm.trim(),
    whatNeedsToChange: rich('what-needs-to-change'),
    contribution: rich('contribution'),
    sharedWithParent: shared(report.sharedWithParent, report.sharedWithParentOn),
    sharedWithChild: shared(report.sharedWithChild, report.sharedWithChildOn),
    date: dateInWords(report.date, NOT_RECORDED),
  };
}
