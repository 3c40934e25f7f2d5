/**
 * Plain-language checks (seed 002, 3c: actions must be "jargon free and clearly understood by parents
 * and carers"). Three kinds of advice, never blocking, because only people can judge wording:
 * - a lexicon term or acronym, with its plain wording and a one-click `replace` fix;
 * - an abbreviation the lexicon does not know and the text does not spell out;
 * - a sentence longer than a parent can comfortably follow.
 */
import { DEFAULT_CHECK_SETTINGS, readText } from './check-inputs.ts';
import { DEFAULT_COMPILED_LEXICON, DEFAULT_LEXICON } from './default-lexicon.ts';
import type { Finding } from './findings.ts';
import { compileLexicon, findLexiconTerms, type CompiledLexicon, type Lexicon, type LexiconMatch } from './lexicon.ts';
import { fitPlainWording } from './plain-wording.ts';
import { countWords, escapeRegExp } from './words.ts';

export interface PlainLanguageOptions {
  /** Sentences with more words than this get advice. */
  maxSentenceWords: number;
  /** Abbreviations everyone knows, never reported as unexplained (compared exactly). */
  knownAbbreviations: readonly string[];
}

/** Abbreviations in everyday use that a parent will know; a board can pass its own list. */
export const KNOWN_ABBREVIATIONS: readonly string[] = [
  'GP', 'NHS', 'UK', 'TV', 'OK', 'ID', 'PE', 'MP', 'AM', 'PM', 'GCSE', 'GCSEs', 'ADHD', 'A&E', 'IT', 'DVD', 'CV', 'BBC', 'SEN', 'SENCO',
];

const WRITE_IT_OUT = 'Write it out in full, at least the first time.';

// Two to six capitals (digits and & allowed after the first letter), optionally a plural s, as a whole word.
const ABBREVIATION = /(?<![\p{L}\p{N}&])[A-Z][A-Z0-9&]{1,5}s?(?![\p{L}\p{N}&])/gu;
// The end of a sentence: closing punctuation (and quotes or brackets) before a space or the end, or a line break.
const SENTENCE_END = /[.!?]+["'”’)]*(?=\s|$)|\n/gu;

function jargonMessage(match: LexiconMatch, to: string): string {
  const { entry, text } = match;
  // "Public Law Outline (PLO)" is already spelt out; only a bare acronym needs its letters explained.
  const bareAcronym = entry.kind === 'acronym' && !(entry.spelt && text.includes(entry.spelt));
  if (bareAcronym) {
    const spelt = entry.spelt ? ` (${entry.spelt})` : '';
    return `“${text}”${spelt} is an abbreviation parents may not know. Say “${to}”.`;
  }
  const meaning = entry.meaning ? ` (${entry.meaning})` : '';
  return `“${text}”${meaning} is professional wording parents may not know. Say “${to}”.`;
}

function jargonFindings(text: string, lexicon: CompiledLexicon): { findings: Finding[]; matches: LexiconMatch[] } {
  const matches = findLexiconTerms(text, lexicon);
  const findings = matches.map((match): Finding => {
    const { index, from, to } = fitPlainWording(text, match);
    return {
      rule: 'plain-language',
      field: 'text',
      severity: 'advice',
      message: jargonMessage(match, to),
      suggestion: to,
      fix: { kind: 'replace', from, to, index },
      range: { index: match.index, length: match.text.length },
    };
  });
  return { findings, matches };
}

/** First use of each abbreviation that is neither in the lexicon, nor well known, nor spelt out as "(ABC)" in the text. */
function unexplainedAbbreviations(
  text: string,
  lexicon: CompiledLexicon,
  lexiconMatches: readonly LexiconMatch[],
  known: readonly string[],
): Finding[] {
  // Text typed all in capitals would make every word look like an abbreviation.
  if (!/\p{Ll}/u.test(text)) return [];
  const reported = new Set<string>();
  const findings: Finding[] = [];
  for (const match of text.matchAll(ABBREVIATION)) {
    const word = match[0];
    const singular = word.endsWith('s') ? word.slice(0, -1) : word;
    const insideLexiconTerm = lexiconMatches.some((m) => match.index >= m.index && match.index < m.index + m.text.length);
    if (insideLexiconTerm || reported.has(word) || known.includes(word) || known.includes(singular)) continue;
    if (!/[A-Z].*[A-Z]/.test(word) || new RegExp(`\\(\\s*${escapeRegExp(word)}\\s*\\)`, 'u').test(text)) continue;
    reported.add(word);
    // A plural of a lexicon acronym ("ICPCs") escapes the whole-word match but the lexicon still knows what it stands for.
    const spelt = lexicon.entries.find((entry) => entry.kind === 'acronym' && entry.term === singular)?.spelt;
    findings.push({
      rule: 'plain-language',
      field: 'text',
      severity: 'advice',
      message: `“${word}”${spelt ? ` (${spelt})` : ''} is an abbreviation parents may not know. ${WRITE_IT_OUT}`,
      range: { index: match.index, length: word.length },
    });
  }
  return findings;
}

function longSentences(text: string, maxWords: number): Finding[] {
  const findings: Finding[] = [];
  let start = 0;
  const ends = [...text.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length);
  for (const end of [...ends, text.length]) {
    const sentence = text.slice(start, end);
    const words = countWords(sentence);
    if (words > maxWords) {
      const lead = sentence.length - sentence.trimStart().length;
      findings.push({
        rule: 'plain-language',
        field: 'text',
        severity: 'advice',
        message:
          `This sentence has ${words} words. ` +
          `Parents find sentences of ${maxWords} words or fewer easier to follow: try splitting it.`,
        range: { index: start + lead, length: sentence.trim().length },
      });
    }
    start = end;
  }
  return findings;
}

/**
 * Advice on wording a parent may not follow, in order of position: lexicon terms (with their plain
 * wording and a `replace` fix), unexplained abbreviations, and over-long sentences. Findings name
 * the field `text`; callers checking a record set the real field name. Never throws on any text;
 * throws a `RangeError` only for an invalid lexicon (a configuration mistake).
 */
export function checkPlainLanguage(
  text: string,
  lexicon: Lexicon | CompiledLexicon = DEFAULT_COMPILED_LEXICON,
  options: Partial<PlainLanguageOptions> = {},
): Finding[] {
  const value = readText(text);
  if (value.trim() === '') return [];
  const compiled = lexicon === DEFAULT_LEXICON ? DEFAULT_COMPILED_LEXICON : compileLexicon(lexicon);
  const maxWords = options.maxSentenceWords ?? DEFAULT_CHECK_SETTINGS.maxSentenceWords;
  const { findings, matches } = jargonFindings(value, compiled);
  const all = [
    ...findings,
    ...unexplainedAbbreviations(value, compiled, matches, options.knownAbbreviations ?? KNOWN_ABBREVIATIONS),
    ...longSentences(value, maxWords),
  ];
  return all.sort((a, b) => (a.range?.index ?? 0) - (b.range?.index ?? 0));
}

/**
 * The text with every lexicon term replaced by its plain wording, fitted to the sentence (articles
 * merged, capital at a sentence start); other text is unchanged. Used for the family print view.
 */
export function toPlainLanguage(text: string, lexicon: Lexicon | CompiledLexicon = DEFAULT_COMPILED_LEXICON): string {
  const value = readText(text);
  const compiled = lexicon === DEFAULT_LEXICON ? DEFAULT_COMPILED_LEXICON : compileLexicon(lexicon);
  let result = '';
  let cursor = 0;
  for (const match of findLexiconTerms(value, compiled)) {
    const replacement = fitPlainWording(value, match);
    // An article that belonged to the previous replacement cannot be taken twice; replace the term alone.
    const termOnly = { index: match.index, from: match.text, to: match.entry.plain };
    const { index, from, to } = replacement.index >= cursor ? replacement : termOnly;
    result += value.slice(cursor, index) + to;
    cursor = index + from.length;
  }
  return result + value.slice(cursor);
}
