/**
 * The jargon lexicon: professional terms and acronyms with wording a parent understands, as data.
 * Seed 002 asks that every action be "jargon free and clearly understood by parents and carers".
 * The shipped list is `DEFAULT_LEXICON` (default-lexicon.ts); a board adds its own local terms with
 * `extendLexicon`. Matching rules:
 * - acronyms match case-sensitively and exactly as listed (so "CIN" but never "cin" or "Cinema";
 *   list variants such as "s47" and "s.47" as aliases);
 * - phrases match ignoring case, with any spacing or a hyphen between words;
 * - both only as whole words, and the longest term wins where two overlap ("core group meeting"
 *   before "core group").
 */
import { wholeWordSource } from './words.ts';

export interface LexiconEntry {
  /** The term as professionals write it: "ICPC", "contingency plan". */
  term: string;
  kind: 'acronym' | 'phrase';
  /** Wording a parent understands, written to stand where the term stood: "the first child protection conference". */
  plain: string;
  /** For an acronym, what the letters stand for: "Initial Child Protection Conference". */
  spelt?: string;
  /** A short explanation, where the plain wording alone may not carry the meaning. */
  meaning?: string;
  /** Other spellings of the same term ("s47", "s.47"), matched by the same rules as the term. */
  aliases?: readonly string[];
}

export type Lexicon = readonly LexiconEntry[];

/** A lexicon turned into matchers once, for checking many fields (see `compileLexicon`). */
export interface CompiledLexicon {
  readonly kind: 'compiled-lexicon';
  readonly entries: Lexicon;
  /** One regular expression per kind; each alternative is its own capture group, in `groupEntries` order. */
  readonly matchers: readonly { regex: RegExp; groupEntries: readonly LexiconEntry[] }[];
}

/** One occurrence of a lexicon term: the entry, where it starts, and the text as written there. */
export interface LexiconMatch {
  entry: LexiconEntry;
  index: number;
  text: string;
}

/** Configuration mistakes throw at once, naming the entry (STYLE.md 7); user text never reaches here. */
function assertEntry(entry: unknown, where: string): asserts entry is LexiconEntry {
  const candidate = (typeof entry === 'object' && entry !== null ? entry : {}) as Partial<LexiconEntry>;
  if (typeof candidate.term !== 'string' || candidate.term.trim() === '') {
    throw new RangeError(`${where}.term must be non-empty text`);
  }
  if (typeof candidate.plain !== 'string' || candidate.plain.trim() === '') {
    throw new RangeError(`${where}.plain must be non-empty text (term "${candidate.term}")`);
  }
  if (candidate.kind !== 'acronym' && candidate.kind !== 'phrase') {
    throw new RangeError(`${where}.kind must be 'acronym' or 'phrase' (term "${candidate.term}")`);
  }
  const aliasesOk = (aliases: unknown) => Array.isArray(aliases) && aliases.every((a) => typeof a === 'string' && a.trim() !== '');
  if (candidate.aliases !== undefined && !aliasesOk(candidate.aliases)) {
    throw new RangeError(`${where}.aliases must be a list of non-empty text (term "${candidate.term}")`);
  }
}

/** Two entries name the same term when acronyms are spelt identically, or phrases match ignoring case and spacing. */
function entryKey(entry: LexiconEntry): string {
  const term = entry.kind === 'phrase' ? entry.term.trim().toLowerCase().replace(/[\s-]+/g, ' ') : entry.term.trim();
  return `${entry.kind}:${term}`;
}

/**
 * The base lexicon with a board's own entries added: an extra entry for a term the base already
 * has replaces it (so a board can change a plain wording), new terms are appended. Neither input
 * is changed. Throws a `RangeError` naming the entry when an extra entry has no term, no plain
 * wording or an unknown kind.
 */
export function extendLexicon(base: Lexicon, extra: Lexicon): Lexicon {
  extra.forEach((entry, i) => assertEntry(entry, `extendLexicon: extra[${i}]`));
  const overrides = new Map(extra.map((entry) => [entryKey(entry), entry]));
  const kept = base.filter((entry) => !overrides.has(entryKey(entry)));
  return [...kept, ...overrides.values()];
}

/**
 * Every way an entry is written: the term, its aliases, and for an acronym with a spelt form the
 * two written together, "Public Law Outline (PLO)", so the pair is replaced as one and the spelt
 * form's own jargon is not rewritten word by word.
 */
function spellingsOf(entry: LexiconEntry): string[] {
  const spellings = [entry.term, ...(entry.aliases ?? [])].map((spelling) => spelling.trim());
  if (entry.kind === 'acronym' && entry.spelt?.trim()) spellings.push(`${entry.spelt.trim()} (${entry.term.trim()})`);
  return spellings;
}

function buildMatcher(entries: Lexicon, kind: LexiconEntry['kind']): CompiledLexicon['matchers'][number] | null {
  const alternatives = entries
    .filter((entry) => entry.kind === kind)
    .flatMap((entry) => spellingsOf(entry).map((spelling) => ({ entry, spelling })))
    // Longest first: a regular-expression alternation takes the first alternative that matches, not the longest.
    .sort((a, b) => b.spelling.length - a.spelling.length);
  if (alternatives.length === 0) return null;
  const source = alternatives.map(({ spelling }) => `(${wholeWordSource(spelling)})`).join('|');
  return { regex: new RegExp(source, kind === 'phrase' ? 'giu' : 'gu'), groupEntries: alternatives.map((a) => a.entry) };
}

/**
 * Builds the matchers for a lexicon once. Checking a whole plan compiles once and reuses the
 * result; an already compiled lexicon is returned as it is. Throws a `RangeError` on an invalid entry.
 */
export function compileLexicon(lexicon: Lexicon | CompiledLexicon): CompiledLexicon {
  if (!Array.isArray(lexicon)) {
    if ((lexicon as Partial<CompiledLexicon> | null)?.kind === 'compiled-lexicon') return lexicon as CompiledLexicon;
    throw new RangeError('compileLexicon: lexicon must be a list of entries or a compiled lexicon');
  }
  lexicon.forEach((entry, i) => assertEntry(entry, `lexicon[${i}]`));
  const matchers = [buildMatcher(lexicon, 'acronym'), buildMatcher(lexicon, 'phrase')].filter((m) => m !== null);
  return { kind: 'compiled-lexicon', entries: lexicon, matchers };
}

/**
 * Every lexicon term in the text, in order of position, never overlapping: where two matches
 * overlap the earlier wins, and at the same position the longer one.
 */
export function findLexiconTerms(text: string, lexicon: Lexicon | CompiledLexicon): LexiconMatch[] {
  const compiled = compileLexicon(lexicon);
  const found: LexiconMatch[] = [];
  for (const { regex, groupEntries } of compiled.matchers) {
    for (const match of text.matchAll(regex)) {
      const group = match.findIndex((value, i) => i > 0 && value !== undefined);
      const entry = groupEntries[group - 1];
      if (entry) found.push({ entry, index: match.index, text: match[0] });
    }
  }
  found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const kept: LexiconMatch[] = [];
  let end = 0;
  for (const match of found) {
    if (match.index < end) continue;
    kept.push(match);
    end = match.index + match.text.length;
  }
  return kept;
}
