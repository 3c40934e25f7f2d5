/**
 * SMART checks on one outcome or one action of a child protection plan (seed 002, "All Multi-Agency
 * Meetings and Plans": Specific, Measurable, Achievable, Realistic, Time-scaled, Sustainable, child
 * focused, jargon free). Pure and tolerant: any input shape gives findings, never an exception,
 * except a missing or malformed `ctx.today`, which is the caller's bug.
 *
 * Blocking findings are the ones a plan cannot be agreed with (no owner, no measure, no date, not
 * about the child, …); advice is for what only people can judge (workload, agreement, wording).
 */
import {
  ASSESSMENT_DOMAINS,
  isActionOpen,
  readId,
  readList,
  readRecord,
  readText,
  type ActionForChecks,
  type CheckContext,
  type OutcomeForChecks,
} from './check-inputs.ts';
import { checkDueDate } from './due-date-checks.ts';
import type { Finding } from './findings.ts';
import { checkOwnerWorkload } from './owner-workload.ts';
import { checkPlainLanguage } from './plain-language.ts';
import { isIsoDate } from '../../dates/iso-date.ts';
import { prepareCheckContext, type PreparedCheckContext } from './prepared-context.ts';
import { findUncheckableVagueVerb, findVagueMeasure, mentionsChild, saysHowLong } from './smart-wording.ts';
import { countWords } from './words.ts';

/** Plain-language advice on one field, labelled with that field. */
function plainFindings(text: string, field: string, ctx: PreparedCheckContext): Finding[] {
  const options = { maxSentenceWords: ctx.settings.maxSentenceWords };
  return checkPlainLanguage(text, ctx.lexicon, options).map((finding) => ({ ...finding, field }));
}

function vagueVerbAdvice(text: string, measure: string, field: string): Finding[] {
  const verb = measure === '' ? findUncheckableVagueVerb(text) : undefined;
  if (verb === undefined) return [];
  return [
    {
      rule: 'specific',
      field,
      severity: 'advice',
      message: `“${verb}” on its own does not say what will change. Say what will be different and how we’ll know.`,
    },
  ];
}

/** What an observable measure looks like: who sees what, how often, by when. */
export const OBSERVABLE_MEASURE_EXAMPLE =
  'The health visitor sees Mum at each weekly appointment and writes it in the red book; the GP confirms every appointment was kept by the review';

/**
 * Blocking on a measure that is empty, or only restates a vague verb ("Mum engages with services"):
 * nobody could later tell whether it was met.
 */
function measureFindings(measure: string, whenEmpty: string): Finding[] {
  if (measure === '') return [{ rule: 'measurable', field: 'measure', severity: 'blocking', message: whenEmpty }];
  const verb = findVagueMeasure(measure);
  if (verb === undefined) return [];
  return [
    {
      rule: 'measurable',
      field: 'measure',
      severity: 'blocking',
      message:
        `“${verb}” is not something anyone can see or count, so nobody could say whether this was met. ` +
        'Say who will see or check what, how often, and by when.',
      suggestion: OBSERVABLE_MEASURE_EXAMPLE,
    },
  ];
}

/** Blocking when the text is empty, or has fewer words than the configured minimum. */
function specificText(text: string, field: string, min: number, messages: { empty: string; short: string }): Finding[] {
  if (text === '') return [{ rule: 'specific', field, severity: 'blocking', message: messages.empty }];
  if (countWords(text) >= min) return [];
  const message = `“${text.slice(0, 60)}” is too short to be clear. ${messages.short}, in at least ${min} words.`;
  return [{ rule: 'specific', field, severity: 'blocking', message }];
}

/**
 * Findings for one action: specific (a description of at least four words, an owner who is a core
 * group member; advice on a vague verb with no measure), measurable (a measure that is more than a
 * vague verb: something seen, counted or checked, or a number or frequency), timebound (a real
 * due date on or before the next review conference), realistic (advice: the owner's week is full;
 * the date has passed), achievable (advice: the owner's agency has not agreed), and plain-language
 * advice on the description and measure. Findings carry `actionId` when the action has one.
 * Closed actions (see `CLOSED_ACTION_STATUSES`) get no realistic or achievable advice.
 */
export function checkAction(action: ActionForChecks, ctx: CheckContext | PreparedCheckContext): Finding[] {
  const prepared = prepareCheckContext(ctx, 'checkAction');
  const { settings } = prepared;
  const record = readRecord(action);
  // Trimmed for the rules; the raw text for plain-language findings, whose positions index the field as stored.
  const rawDescription = readText(record.description);
  const rawMeasure = readText(record.measure);
  const description = rawDescription.trim();
  const measure = rawMeasure.trim();
  const ownerId = readText(record.ownerId);
  const owner = prepared.members.get(ownerId);
  const open = isActionOpen(record.status);
  const findings: Finding[] = [
    ...specificText(description, 'description', settings.minDescriptionWords, {
      empty: 'Say what will be done.',
      short: 'Say who will do what, and why',
    }),
    ...vagueVerbAdvice(description, measure, 'description'),
  ];
  if (ownerId === '') {
    findings.push({
      rule: 'specific',
      field: 'ownerId',
      severity: 'blocking',
      message: 'Say who will do this: choose a member of the core group.',
    });
  } else if (owner === undefined) {
    findings.push({
      rule: 'specific',
      field: 'ownerId',
      severity: 'blocking',
      message: 'The person named to do this is not in the core group. Choose a core group member, or add them to the core group first.',
    });
  }
  findings.push(
    ...measureFindings(measure, 'Say how we will know this has been done and made a difference: what will be seen, counted or checked.'),
  );
  const { today, nextReviewDate } = prepared;
  findings.push(...checkDueDate({ dueDate: record.dueDate, today, nextReviewDate, open, afterReview: 'blocking', subject: 'action' }));
  if (owner && open && record.agencyAgreed !== true) {
    const who = owner.agency ? `${owner.name} (${owner.agency})` : owner.name;
    findings.push({
      rule: 'achievable',
      field: 'agencyAgreed',
      severity: 'advice',
      message:
        record.agencyAgreed === false
          ? `${who} has not agreed to do this. Check it can be done before the plan is agreed.`
          : `It is not recorded that ${who} has agreed to do this for their agency. Check, and tick when they have.`,
    });
  }
  if (owner) {
    const workload = checkOwnerWorkload(action, owner.name, prepared.workload, settings.maxOpenActionsPerOwnerWeek);
    if (workload) findings.push(workload);
  }
  findings.push(...plainFindings(rawDescription, 'description', prepared), ...plainFindings(rawMeasure, 'measure', prepared));
  const actionId = readId(record.id);
  return actionId === undefined ? findings : findings.map((finding) => ({ ...finding, actionId }));
}

/** True when some action of the outcome (done or not) is due on or before the review date: an interim step. */
function hasActionDueByReview(actions: readonly unknown[], review: unknown): boolean {
  if (typeof review !== 'string' || !isIsoDate(review)) return false;
  return actions.some((value) => {
    const action = readRecord(value);
    const due = readText(action.dueDate);
    return isIsoDate(due) && due <= review;
  });
}

function sustainabilityFindings(text: string): Finding[] {
  if (countWords(text) < 3) {
    return [
      {
        rule: 'sustainable',
        field: 'sustainability',
        severity: 'blocking',
        message: 'Say how we will know the change will last, for example “kept up for three months without prompting”.',
      },
    ];
  }
  if (saysHowLong(text)) return [];
  return [
    {
      rule: 'sustainable',
      field: 'sustainability',
      severity: 'advice',
      message: 'Say for how long, or how consistently, the change must be kept up, for example “for three months”.',
    },
  ];
}

/**
 * Findings for one outcome (not its actions: `checkPlan` checks those): specific (a statement of at
 * least four words, one of the three assessment domains), child-focused (the statement names the
 * child or says child, baby or young person), measurable, timebound (a real due date; advice when it
 * falls after the next review and no action is due by then), sustainable (says how the change
 * will be shown to last), achievable (at least one action, when `actions` is given), and
 * plain-language advice on the statement, measure and sustainability. Findings carry `outcomeId`.
 */
export function checkOutcome(outcome: OutcomeForChecks, ctx: CheckContext | PreparedCheckContext): Finding[] {
  const prepared = prepareCheckContext(ctx, 'checkOutcome');
  const record = readRecord(outcome);
  const rawStatement = readText(record.statement);
  const rawMeasure = readText(record.measure);
  const rawSustainability = readText(record.sustainability);
  const statement = rawStatement.trim();
  const measure = rawMeasure.trim();
  const sustainability = rawSustainability.trim();
  const actions = readList(record.actions);
  const findings: Finding[] = [
    ...specificText(statement, 'statement', prepared.settings.minDescriptionWords, {
      empty: 'Say what will be different for the child when this outcome is met.',
      short: 'Say what will be different for the child',
    }),
    ...vagueVerbAdvice(statement, measure, 'statement'),
  ];
  if (!(ASSESSMENT_DOMAINS as readonly unknown[]).includes(record.domain)) {
    findings.push({
      rule: 'specific',
      field: 'domain',
      severity: 'blocking',
      message: 'Choose which part of the assessment this outcome is about: the child’s developmental needs, parenting capacity, or family and environment.',
    });
  }
  if (statement !== '' && !mentionsChild(statement, prepared.childNames)) {
    const name = prepared.childNames[0]?.trim().split(/\s+/)[0];
    findings.push({
      rule: 'child-focused',
      field: 'statement',
      severity: 'blocking',
      message: `Say what will be different for the child: name ${name ?? 'them'}, or say “child”, “baby” or “young person”.`,
      ...(name ? { suggestion: `${name} will …` } : {}),
    });
  }
  findings.push(...measureFindings(measure, 'Say how we will know this outcome has been reached: a tool, a check, or what people will see.'));
  const { today, nextReviewDate } = prepared;
  const afterReview = hasActionDueByReview(actions, nextReviewDate) ? 'none' : 'advice';
  findings.push(
    ...checkDueDate({ dueDate: record.dueDate, today, nextReviewDate, open: true, afterReview, subject: 'outcome' }),
    ...sustainabilityFindings(sustainability),
  );
  if (Array.isArray(record.actions) && actions.length === 0) {
    findings.push({
      rule: 'achievable',
      field: 'actions',
      severity: 'blocking',
      message: 'Add at least one action saying who will do what to reach this outcome.',
    });
  }
  findings.push(
    ...plainFindings(rawStatement, 'statement', prepared),
    ...plainFindings(rawMeasure, 'measure', prepared),
    ...plainFindings(rawSustainability, 'sustainability', prepared),
  );
  const outcomeId = readId(record.id);
  return outcomeId === undefined ? findings : findings.map((finding) => ({ ...finding, outcomeId }));
}
