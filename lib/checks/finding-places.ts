/**
 * Where a finding is in the editor: which section of the plan (the route's section id), which
 * element to focus, and how to name the place in a list of findings. Pure. Records' sections,
 * labels and element ids come from their record spec (lib/plan/record-spec.ts), the plan-wide
 * fields' from lib/plan, so no element id is spelled here.
 */
import type { RuleCount, Finding } from '../rules/checks/findings.ts';
import type { PlanForChecks } from '../rules/checks/plan-completeness.ts';
import { Action, Meeting, Member, Outcome, arrangementElementId } from '../plan/index.ts';
import type { SectionId } from '../state/route.ts';
import { CHECKED_RICH_TEXT, HARM_FIELDS } from './plan-for-checks.ts';

export interface FindingPlace {
  /** The plan section the field is in (one of route.ts's SECTION_IDS). */
  section: SectionId;
  /** The id of the element to focus (for a rich-text field, its `data-field` container). */
  elementId: string;
  /** The place in words, e.g. "Outcome ‘Ava is at school every day’, action 1: Who will do it". */
  label: string;
}

/** Whole-plan fields: where they are edited. */
const PLAN_FIELDS: Readonly<Record<string, FindingPlace>> = {
  harms: { section: 'framework', elementId: HARM_FIELDS[0]!.field, label: 'Harm or danger' },
  dangerStatement: { section: 'framework', elementId: CHECKED_RICH_TEXT.dangerStatement, label: 'Danger statement' },
  outcomes: { section: Outcome.section, elementId: Outcome.addElementId, label: 'Outcomes' },
  contingencyPlan: { section: 'contingency', elementId: CHECKED_RICH_TEXT.contingencyPlan, label: 'Contingency plan' },
  'visiting.frequency': {
    section: 'contingency',
    elementId: arrangementElementId('visitFrequency'),
    label: 'How often the lead social worker visits and sees the child',
  },
  'visiting.seenAlone': { section: 'contingency', elementId: arrangementElementId('seenAlone'), label: 'How the child is seen alone' },
  // A review is booked by adding it as a scheduled meeting.
  nextReviewDate: { section: Meeting.section, elementId: Meeting.addElementId, label: 'Next review conference' },
  members: { section: Member.section, elementId: Member.addElementId, label: 'Core group members' },
};

const HARM_FIELD = /^harms\[(\d+)\]\.(description|impact)$/;

/** ‘Ava is at school every day’, cut at a word to about 40 characters; `fallback` when empty. */
function quote(text: string | undefined, fallback: string): string {
  const trimmed = (text ?? '').trim().replace(/\s+/g, ' ');
  if (trimmed === '') return fallback;
  if (trimmed.length <= 40) return `‘${trimmed}’`;
  const cut = trimmed.slice(0, 40);
  const space = cut.lastIndexOf(' ');
  return `‘${(space > 20 ? cut.slice(0, space) : cut).trimEnd()}…’`;
}

/** Where a finding's field is, from the finding alone: its section and the element to focus. */
export interface FindingTarget {
  section: SectionId;
  elementId: string;
}

/**
 * The section and element of `finding`'s field, or undefined for a field the editor does not show.
 * Outcome and action findings need their ids (`checkPlan` stamps them on every record with an id).
 */
export function targetOfFinding(finding: Finding): FindingTarget | undefined {
  if (finding.actionId !== undefined) {
    return Action.fieldLabels[finding.field] ? { section: Action.section, elementId: Action.elementId(finding.actionId, finding.field) } : undefined;
  }
  if (finding.outcomeId !== undefined) {
    if (finding.actionIndex !== undefined) return undefined;
    return Outcome.fieldLabels[finding.field]
      ? { section: Outcome.section, elementId: Outcome.elementId(finding.outcomeId, finding.field) }
      : undefined;
  }
  if (finding.outcomeIndex !== undefined) return undefined;
  const harm = HARM_FIELD.exec(finding.field);
  if (harm) {
    const field = HARM_FIELDS[Number(harm[1])];
    return field ? { section: 'framework', elementId: field.field } : undefined;
  }
  const place = PLAN_FIELDS[finding.field];
  return place ? { section: place.section, elementId: place.elementId } : undefined;
}

function recordLabel(finding: Finding, plan: PlanForChecks): string | undefined {
  const outcomeIndex = plan.outcomes.findIndex((o) => o.id === finding.outcomeId);
  const outcome = plan.outcomes[outcomeIndex];
  if (!outcome) return undefined;
  const outcomeName = `${Outcome.label} ${quote(outcome.statement, String(outcomeIndex + 1))}`;
  if (finding.actionId === undefined) return `${outcomeName}: ${Outcome.fieldLabels[finding.field]!}`;
  const actionIndex = (outcome.actions ?? []).findIndex((a) => a.id === finding.actionId);
  return actionIndex === -1
    ? undefined
    : `${outcomeName}, ${Action.label.toLowerCase()} ${actionIndex + 1}: ${Action.fieldLabels[finding.field]!}`;
}

/**
 * Where `finding` is edited, with the place named for a list of findings; undefined for a field the
 * editor does not show or a record no longer in `plan` (removed meanwhile).
 */
export function placeOfFinding(finding: Finding, plan: PlanForChecks): FindingPlace | undefined {
  const target = targetOfFinding(finding);
  if (!target) return undefined;
  if (finding.outcomeId !== undefined) {
    const label = recordLabel(finding, plan);
    return label === undefined ? undefined : { ...target, label };
  }
  const harm = HARM_FIELD.exec(finding.field);
  const label = harm ? `Harm or danger: ${HARM_FIELDS[Number(harm[1])]!.category}` : PLAN_FIELDS[finding.field]!.label;
  return { ...target, label };
}

/** Blocking and advice counts per plan section (route.ts's section ids); sections without findings are absent. */
export function countBySection(findings: readonly Finding[]): Record<string, RuleCount> {
  const counts: Record<string, RuleCount> = {};
  for (const finding of findings) {
    const section = targetOfFinding(finding)?.section;
    if (section === undefined) continue;
    const count = (counts[section] ??= { blocking: 0, advice: 0 });
    count[finding.severity] += 1;
  }
  return counts;
}

/** The findings for each field's element id, blocking ones first (otherwise in the checks' order). */
export function groupByElement(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  const ordered = [...findings.filter((f) => f.severity === 'blocking'), ...findings.filter((f) => f.severity !== 'blocking')];
  for (const finding of ordered) {
    const elementId = targetOfFinding(finding)?.elementId;
    if (elementId === undefined) continue;
    const group = groups.get(elementId);
    if (group) group.push(finding);
    else groups.set(elementId, [finding]);
  }
  return groups;
}
