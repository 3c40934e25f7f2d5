/**
 * The plan's Y.Doc as the plain inputs of the SMART, plain-language and completeness checks
 * (lib/rules: `PlanForChecks` and `CheckContext`). Pure reads: nothing here writes, observes or
 * reads the clock, and any document content (however partial) gives inputs, never an exception.
 */
import type * as Y from 'yjs';
import {
  Action,
  Meeting,
  Member,
  Outcome,
  planRoots,
  readArrangements,
  readChildren,
  richTextFragment,
  type RichTextField,
} from '../plan/index.ts';
import { isIsoDate } from '../dates/iso-date.ts';
import type { ActionForChecks, AssessmentDomain, CheckContext, OutcomeForChecks } from '../rules/checks/check-inputs.ts';
import type { HarmForChecks, PlanForChecks } from '../rules/checks/plan-completeness.ts';
import { richTextPlain } from '../plan/rich-text.ts';

/**
 * The framework's harm fields, in the order `PlanForChecks.harms` lists them: a finding on
 * `harms[i]…` is about `HARM_FIELDS[i]`. Each field holds what has happened and its impact together
 * (the framework's one column per category), so the harm's `impact` is the same text.
 */
export const HARM_FIELDS: readonly { field: RichTextField; category: string }[] = [
  { field: 'harm-physical', category: 'Physical abuse' },
  { field: 'harm-emotional', category: 'Emotional abuse' },
  { field: 'harm-sexual', category: 'Sexual abuse' },
  { field: 'harm-neglect', category: 'Neglect' },
];

/** The plan-level rich-text fields the checks read, by their `PlanForChecks` field name. */
export const CHECKED_RICH_TEXT: Readonly<Record<'dangerStatement' | 'contingencyPlan', RichTextField>> = {
  dangerStatement: 'danger-statement',
  contingencyPlan: 'contingency',
};

function readActions(outcome: Y.Map<unknown>): ActionForChecks[] {
  return Action.readAll(Outcome.list(outcome, 'actions')).map((a) => ({
    id: a.id,
    description: a.description,
    ownerId: a.ownerId,
    dueDate: a.dueDate,
    measure: a.measure,
    // The checkbox records agreement only: unticked is "not recorded yet", never "refused".
    agencyAgreed: a.agencyAgreed ? true : undefined,
    status: a.status,
  }));
}

function readHarms(doc: Y.Doc): HarmForChecks[] {
  return HARM_FIELDS.map(({ field, category }) => {
    const text = richTextPlain(richTextFragment(doc, field));
    return { category, description: text, impact: text };
  });
}

/**
 * The plan as `checkPlan` reads it: the four harm fields (always four, in `HARM_FIELDS` order, empty
 * ones included), the danger statement and contingency plan as plain text, the live outcomes in
 * display order with their live actions, and the lead social worker's visiting arrangements.
 */
export function readPlanForChecks(doc: Y.Doc): PlanForChecks {
  const { outcomes } = planRoots(doc);
  const arrangements = readArrangements(doc);
  return {
    harms: readHarms(doc),
    dangerStatement: richTextPlain(richTextFragment(doc, CHECKED_RICH_TEXT.dangerStatement)),
    outcomes: Outcome.liveMaps(outcomes).map((map): OutcomeForChecks => {
      const o = Outcome.read(map);
      return {
        id: o.id,
        statement: o.statement,
        // The checks report an unknown domain as a finding, so whatever is stored goes through.
        domain: o.domain as AssessmentDomain,
        measure: o.measure,
        dueDate: o.dueDate,
        sustainability: o.sustainability,
        actions: readActions(map),
      };
    }),
    contingencyPlan: richTextPlain(richTextFragment(doc, CHECKED_RICH_TEXT.contingencyPlan)),
    visiting: { frequency: arrangements.visitFrequency, seenAlone: arrangements.seenAlone },
  };
}

/**
 * The date of the next review conference: the earliest live meeting of kind `rcpc` that is booked
 * (`scheduled`) for `today` or later, as yyyy-MM-dd; undefined when none is booked. A review that
 * has been held is history, not the next one.
 */
export function readNextReviewDate(doc: Y.Doc, today: string): string | undefined {
  const dates = Meeting.readAll(planRoots(doc).meetings)
    .filter((m) => m.kind === 'rcpc' && m.scheduled && isIsoDate(m.date) && m.date >= today)
    .map((m) => m.date)
    .sort();
  return dates[0];
}

/** What the checks need beyond the plan: the live core group members, the children's names, the next review date and `today`. */
export function readCheckContext(doc: Y.Doc, today: string): CheckContext {
  const nextReviewDate = readNextReviewDate(doc, today);
  return {
    members: Member.readAll(planRoots(doc).members).map((m) => ({ id: m.id, name: m.name, agency: m.agency, role: m.role })),
    childNames: readChildren(doc).map((child) => child.name),
    ...(nextReviewDate ? { nextReviewDate } : {}),
    today,
  };
}

/**
 * Every Y type `readPlanForChecks` and `readCheckContext` read: observing these deeply tells when
 * the findings may have changed. (Keep in step with the two readers above.)
 */
export function checkedTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
  const { outcomes, members, children, meetings, arrangements } = planRoots(doc);
  const fragments = [...HARM_FIELDS.map((h) => h.field), ...Object.values(CHECKED_RICH_TEXT)].map((field) => richTextFragment(doc, field));
  return [outcomes, members, children, meetings, arrangements, ...fragments] as Y.AbstractType<unknown>[];
}
