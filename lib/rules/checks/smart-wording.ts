/**
 * What the wording of an outcome or action says, as far as simple word lists can tell: whether it
 * is about the child, whether it leans on a vague verb, whether a measure only restates one,
 * whether it says how long a change must last. These are deliberately generous (a false "fine"
 * costs less than nagging good writing): a measure passes as soon as it names something seen,
 * counted or checked, or a number or frequency.
 */
import { containsAnyWord } from './words.ts';

/** Words that put the child at the centre of an outcome (seed 002: "child or young person focussed"). */
export const CHILD_WORDS: readonly string[] = ['child', 'children', 'baby', 'babies', 'young person', 'young people', 'unborn'];

/**
 * Verbs that describe professional activity rather than change for the child. On their own ("monitor
 * the home", "support Mum") nobody can tell later whether the action worked.
 */
export const VAGUE_VERBS: readonly string[] = [
  'monitor', 'support', 'engage', 'encourage', 'assist', 'help', 'liaise', 'work with', 'address', 'explore', 'ensure',
  'consider', 'keep an eye on', 'continue',
];

/**
 * Verbs that, as the whole of a measure, say nothing anyone could check ("Mum engages with
 * services", "Dad cooperates"): the vague verbs, and the ways of saying "goes along with it".
 */
export const VAGUE_MEASURE_VERBS: readonly string[] = [
  ...VAGUE_VERBS, 'cooperate', 'co-operate', 'attend', 'comply', 'participate', 'take part', 'accept', 'improve', 'try',
];

// Detail that makes an activity checkable: a number, a frequency or a deadline word.
const CONCRETE_DETAIL =
  /\p{N}|(?<![\p{L}])(daily|weekly|fortnightly|monthly|every|each|times?|by|before|within|until|at least|per)(?![\p{L}])/iu;

// Detail that makes a measure checkable: a number, a frequency, or someone seeing, counting or checking something.
const OBSERVABLE_DETAIL = new RegExp(
  String.raw`\p{N}|(?<![\p{L}])(daily|weekly|fortnightly|monthly|every|each|times?|per|at least|` +
    String.raw`see|sees|seen|saw|observed?|checks?|checked|records?|recorded|written|writes|counts?|counted|` +
    String.raw`confirms?|confirmed|reports?|reported|shows?|shown|finds?|found|weighs?|weighed|tests?|tested|` +
    String.raw`scores?|scored|measured?|registers?|logs?|logged|notes?|noted)(?![\p{L}])`,
  'iu',
);

// How long a change must last: "for 3 months", "six weeks", "consistently", "without prompting".
const PERIOD = String.raw`(\p{N}+|one|two|three|four|five|six|eight|ten|twelve)\s+(days?|weeks?|months?|years?|terms?)`;
const STEADILY = String.raw`consistently|sustained|throughout|every|each|daily|weekly|fortnightly|monthly`;
const UNAIDED = String.raw`without (help|support|prompting|reminders)`;
const DURATION = new RegExp(String.raw`(?<![\p{L}])(${PERIOD}|${STEADILY}|${UNAIDED})(?![\p{L}])`, 'iu');

/**
 * The ways a verb is written: "monitor" → monitor, monitors, monitored, monitoring; "comply" →
 * complies, complied, complying (first word of a phrase).
 */
function inflections(verb: string): string[] {
  const [first = '', ...rest] = verb.split(' ');
  const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
  const stem = first.endsWith('e') ? first.slice(0, -1) : first;
  const consonantY = /[^aeiou]y$/.test(first) ? first.slice(0, -1) : undefined;
  const past = consonantY !== undefined ? `${consonantY}ied` : first.endsWith('e') ? `${first}d` : `${first}ed`;
  const third =
    consonantY !== undefined ? `${consonantY}ies` : /(s|sh|ch|x|z)$/.test(first) ? `${first}es` : `${first}s`;
  return [first, third, past, `${stem}ing`].map((form) => form + tail);
}

function formsOf(verbs: readonly string[]): readonly { verb: string; forms: readonly string[] }[] {
  return verbs.map((verb) => ({ verb, forms: inflections(verb) }));
}

const VAGUE_FORMS = formsOf(VAGUE_VERBS);
const VAGUE_MEASURE_FORMS = formsOf(VAGUE_MEASURE_VERBS);

/**
 * True when the text mentions the child: one of `childNames` (in full, or its first name) or one
 * of `CHILD_WORDS`, as whole words ignoring case, so "Ava's" counts and "Avalon" does not.
 */
export function mentionsChild(text: string, childNames: readonly string[]): boolean {
  const names = childNames.flatMap((name) => {
    const first = name.trim().split(/\s+/)[0] ?? '';
    return first.length > 1 ? [name, first] : [name];
  });
  return containsAnyWord(text, [...CHILD_WORDS, ...names]);
}

/**
 * The first vague verb in the text (in its base form) when the text gives no concrete detail to
 * check it by; undefined otherwise. "Monitor Ava's weight" → "monitor"; "Weigh Ava every week" → undefined.
 */
export function findUncheckableVagueVerb(text: string): string | undefined {
  if (CONCRETE_DETAIL.test(text)) return undefined;
  return VAGUE_FORMS.find(({ forms }) => containsAnyWord(text, forms))?.verb;
}

/**
 * The vague verb (in its base form) a measure rests on when it names nothing seen, counted or
 * checked and no number or frequency; undefined otherwise. "Mum engages with services." →
 * "engage"; "The health visitor sees Mum at each appointment" → undefined.
 */
export function findVagueMeasure(measure: string): string | undefined {
  if (OBSERVABLE_DETAIL.test(measure)) return undefined;
  return VAGUE_MEASURE_FORMS.find(({ forms }) => containsAnyWord(measure, forms))?.verb;
}

/** True when the text says how long, or how consistently, a change must be kept up. */
export function saysHowLong(text: string): boolean {
  return DURATION.test(text);
}
