/**
 * Fitting a lexicon entry's plain wording into the sentence where the term stood, so a one-click
 * fix or the family print view reads as English: "the ICPC" must become "the first child protection
 * conference", not "the the first…"; "an SW" must become "a social worker"; a term that starts a
 * sentence gives a capitalised replacement.
 */
import type { LexiconMatch } from './lexicon.ts';

/** What to replace (starting at `index`) and with what. `from` may include an article before the term. */
export interface PlainReplacement {
  index: number;
  from: string;
  to: string;
}

// An article directly before the term, as a whole word.
const ARTICLE_BEFORE = /(?<![\p{L}\p{N}])(the|an|a)(\s+)$/iu;
const LEADING_ARTICLE = /^(the|an|a)\s+/i;
// After the end of a sentence or the start of a line (allowing a bullet): where a capital letter belongs.
const AFTER_SENTENCE_END = /(?:[.!?]["'”’)]*\s+|\n[\t >*•-]*)$/u;
const ONLY_BULLET = /^[\t >*•-]*$/u;
// How far back to look for an article or a sentence end; enough for any real spacing.
const LOOK_BACK = 40;

/** "a" or "an", whichever fits before `word` (by its first letter; good enough for our lexicon), keeping the case of `like`. */
function agreeingArticle(like: string, word: string): string {
  const article = /^[aeiou]/i.test(word) ? 'an' : 'a';
  return like[0] === like[0]?.toUpperCase() ? article[0]!.toUpperCase() + article.slice(1) : article;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The replacement for one lexicon match in `text`. When an article stands before the term and the
 * plain wording has its own article (or needs "a"/"an" to agree with it), the article is replaced
 * too; otherwise only the term is.
 */
export function fitPlainWording(text: string, match: LexiconMatch): PlainReplacement {
  const start = Math.max(0, match.index - LOOK_BACK);
  const before = text.slice(start, match.index);
  const article = ARTICLE_BEFORE.exec(before);
  const plain = match.entry.plain.trim();
  if (article) {
    const [whole, written = ''] = article;
    const plainArticle = LEADING_ARTICLE.exec(plain);
    const rest = plainArticle ? plain.slice(plainArticle[0].length) : plain;
    const isDefinite = written.toLowerCase() === 'the';
    const newArticle = isDefinite ? written : agreeingArticle(written, rest);
    if (plainArticle || newArticle !== written) {
      const index = match.index - whole.length;
      return { index, from: text.slice(index, match.index) + match.text, to: `${newArticle} ${rest}` };
    }
    return { index: match.index, from: match.text, to: plain };
  }
  const startsSentence = (start === 0 && ONLY_BULLET.test(before)) || AFTER_SENTENCE_END.test(before);
  return { index: match.index, from: match.text, to: startsSentence ? capitalise(plain) : plain };
}
