/**
 * Whole-plan checks: everything Working Together 2023 and seeds 001–003 say a child protection plan
 * must contain (TIMESCALES.md, "What a plan must contain"), then the SMART checks over every outcome
 * and action. Missing items are `completeness` findings; a plan cannot be agreed while any blocking
 * finding remains.
 */
import {
  isActionOpen,
  readList,
  readRecord,
  readText,
  type ActionForChecks,
  type CheckContext,
  type OutcomeForChecks,
} from './check-inputs.ts';
import type { Finding } from './findings.ts';
import { checkPlainLanguage } from './plain-language.ts';
import { describeDate } from '../../dates/date-words.ts';
import { isIsoDate } from '../../dates/iso-date.ts';
import { prepareCheckContext, type PreparedCheckContext } from './prepared-context.ts';
import { checkAction, checkOutcome } from './smart.ts';
import { countWords } from './words.ts';

/** One "harm or danger" entry of the Strengthening Families framework (seed 002). */
export interface HarmForChecks {
  /** Physical, emotional, sexual abuse or neglect; free text. */
  category?: string;
  /** What has happened or may happen, and what it looks like. */
  description: string;
  /** The impact on the child's wellbeing. */
  impact?: string;
}

/**
 * The plan as `checkPlan` reads it; the editor maps the Y.Doc onto this. Core group membership and
 * the next review date are not repeated here: they come from `CheckContext` (`members`,
 * `nextReviewDate`), which the single-record checks share. Fields may be missing or malformed.
 */
export interface PlanForChecks {
  /** Risks: the harm or danger entries. Either these or a danger statement must say what must change. */
  harms?: readonly HarmForChecks[];
  /** What will happen to the child if nothing changes. */
  dangerStatement?: string;
  outcomes: readonly OutcomeForChecks[];
  /** What happens if the plan is not working or circumstances change (seed 001: "contingency plan"). */
  contingencyPlan?: string;
  /** How often the lead social worker visits, and how the child is seen alone (a baby seen awake). */
  visiting?: { frequency?: string; seenAlone?: string };
}

// A member who leads the plan: children's social care by agency, or a lead social worker by role.
const LEADS_PLAN = /social\s*(care|work)|children['’]?s services|\bCSC\b|lead (practitioner|professional)/i;

function missing(field: string, message: string): Finding {
  return { rule: 'completeness', field, severity: 'blocking', message };
}

function plainFindings(text: string, field: string, ctx: PreparedCheckContext): Finding[] {
  const options = { maxSentenceWords: ctx.settings.maxSentenceWords };
  return checkPlainLanguage(text, ctx.lexicon, options).map((finding) => ({ ...finding, field }));
}

function riskFindings(plan: Readonly<Record<string, unknown>>, ctx: PreparedCheckContext): Finding[] {
  const harms = readList(plan.harms).map(readRecord);
  const danger = readText(plan.dangerStatement);
  const findings: Finding[] = [];
  if (danger.trim() === '' && !harms.some((harm) => readText(harm.description).trim() !== '')) {
    const message = 'Say what the risks to the child are and what must change: add the harm or danger, or a danger statement.';
    findings.push(missing('harms', message));
  }
  harms.forEach((harm, i) => {
    const description = readText(harm.description);
    const impact = readText(harm.impact);
    if (description.trim() !== '' && impact.trim() === '') {
      const category = readText(harm.category).trim();
      findings.push({
        rule: 'completeness',
        field: `harms[${i}].impact`,
        severity: 'advice',
        message: `Say what impact ${category ? `the ${category.toLowerCase()}` : 'this harm'} has on the child.`,
      });
    }
    findings.push(
      ...plainFindings(description, `harms[${i}].description`, ctx),
      ...plainFindings(impact, `harms[${i}].impact`, ctx),
    );
  });
  return [...findings, ...plainFindings(danger, 'dangerStatement', ctx)];
}

function arrangementFindings(plan: Readonly<Record<string, unknown>>, ctx: PreparedCheckContext): Finding[] {
  const child = ctx.childNames[0]?.trim().split(/\s+/)[0] ?? 'the child';
  const contingency = readText(plan.contingencyPlan);
  const visiting = readRecord(plan.visiting);
  const frequency = readText(visiting.frequency);
  const seenAlone = readText(visiting.seenAlone);
  const findings: Finding[] = [];
  if (contingency.trim() === '') {
    findings.push(missing('contingencyPlan', 'Add a contingency plan: what will happen if things do not get better, or get worse.'));
  } else if (countWords(contingency) < 5) {
    findings.push({
      rule: 'completeness',
      field: 'contingencyPlan',
      severity: 'advice',
      message: 'Say what will happen, who will decide, and when, if things do not get better.',
    });
  }
  if (frequency.trim() === '') {
    findings.push(missing('visiting.frequency', `Say how often the lead social worker will visit and see ${child}.`));
  }
  if (seenAlone.trim() === '') {
    const message = `Say how the lead social worker will see ${child} alone (or, for a baby, see them awake).`;
    findings.push(missing('visiting.seenAlone', message));
  }
  return [
    ...findings,
    ...plainFindings(contingency, 'contingencyPlan', ctx),
    ...plainFindings(frequency, 'visiting.frequency', ctx),
    ...plainFindings(seenAlone, 'visiting.seenAlone', ctx),
  ];
}

function reviewAndMembershipFindings(ctx: CheckContext, prepared: PreparedCheckContext): Finding[] {
  const findings: Finding[] = [];
  const review = ctx.nextReviewDate;
  if (typeof review !== 'string' || review.trim() === '') {
    findings.push(missing('nextReviewDate', 'Set the date of the next review conference: every action must be due by then.'));
  } else if (!isIsoDate(review)) {
    const message = `“${review.slice(0, 40)}” is not a date the plan can use. Choose the review date from the calendar.`;
    findings.push(missing('nextReviewDate', message));
  } else if (review < prepared.today) {
    findings.push({
      rule: 'completeness',
      field: 'nextReviewDate',
      severity: 'advice',
      message: `The review date, ${describeDate(review)}, has passed. Set the date of the next review conference.`,
    });
  }
  const members = readList(ctx.members).map(readRecord);
  if (prepared.members.size === 0) {
    findings.push(missing('members', 'Add the core group members: who they are and which agency they are from.'));
  } else if (!members.some((m) => LEADS_PLAN.test(`${readText(m.agency)} ${readText(m.role)}`))) {
    findings.push({
      rule: 'completeness',
      field: 'members',
      severity: 'advice',
      message: 'No core group member is from children’s social care. Add the lead social worker.',
    });
  }
  return findings;
}

/**
 * Every finding for the plan: completeness (risks or a danger statement, at least one outcome, a
 * contingency plan, visiting frequency and seeing the child alone, a valid next review date, core
 * group members), then `checkOutcome` and `checkAction` over every outcome and its actions, stamped
 * with `outcomeId`/`actionId` and `outcomeIndex`/`actionIndex` so the UI can go to the field.
 * The workload check counts every open action of the plan unless `ctx.openActions` is given.
 * Never throws on plan content; throws a `RangeError` if `ctx.today` is not a yyyy-MM-dd date.
 */
export function checkPlan(plan: PlanForChecks, ctx: CheckContext): Finding[] {
  const record = readRecord(plan);
  const outcomes = readList(record.outcomes).map(readRecord);
  const allActions = outcomes.flatMap((outcome) => readList(outcome.actions));
  // Unchecked shapes are fine here: the workload index reads every action tolerantly.
  const planOpenActions = allActions.filter((action) => isActionOpen(readRecord(action).status)) as ActionForChecks[];
  const openActions = ctx.openActions ?? planOpenActions;
  const prepared = prepareCheckContext({ ...ctx, openActions }, 'checkPlan');

  const findings: Finding[] = [...riskFindings(record, prepared)];
  if (outcomes.length === 0) {
    findings.push(missing('outcomes', 'Add at least one outcome: what must be different for the child, and by when.'));
  } else if (!outcomes.some((outcome) => outcome.domain === 'developmental-needs')) {
    findings.push({
      rule: 'completeness',
      field: 'outcomes',
      severity: 'advice',
      message:
        'No outcome is about the child’s developmental needs (health, learning, feelings and behaviour). ' +
        'Say what the child needs and which services will help.',
    });
  }
  findings.push(...arrangementFindings(record, prepared), ...reviewAndMembershipFindings(ctx, prepared));

  outcomes.forEach((outcome, outcomeIndex) => {
    const actions = readList(outcome.actions);
    // A missing action list is an empty one here: the whole plan is in view, so "no actions" is known.
    const withActions = { ...outcome, actions } as unknown as OutcomeForChecks;
    findings.push(...checkOutcome(withActions, prepared).map((f) => ({ ...f, outcomeIndex })));
    const outcomeId = typeof outcome.id === 'string' && outcome.id !== '' ? { outcomeId: outcome.id } : {};
    actions.forEach((action, actionIndex) => {
      const actionFindings = checkAction(action as ActionForChecks, prepared);
      findings.push(...actionFindings.map((f) => ({ ...f, ...outcomeId, outcomeIndex, actionIndex })));
    });
  });
  return findings;
}
