/**
 * Checks a change to the plan's category of abuse or neglect before it is saved. Wirral 3.11: one
 * primary category; more than one only exceptionally, so a second category is refused until the
 * reason for it is written down. Never throws.
 */
import type { Categorisation, Category, FieldProblem } from '../plan/index.ts';

/** The categories as Working Together names them. */
export const CATEGORY_LABELS: Record<Category, string> = {
  physical: 'Physical abuse',
  emotional: 'Emotional abuse',
  sexual: 'Sexual abuse',
  neglect: 'Neglect',
};

/** Field names in problems: 'primary', 'secondaryReason'. */
export function checkCategorisation(draft: Categorisation): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (draft.primary === '') problems.push({ field: 'primary', message: 'Choose the main category of abuse or neglect.' });
  const others = draft.secondary.filter((c) => c !== draft.primary);
  if (others.length > 0 && draft.secondaryReason.trim() === '') {
    const named = others.map((c) => CATEGORY_LABELS[c].toLowerCase()).join(' and ');
    problems.push({
      field: 'secondaryReason',
      message: `Give the reason this plan needs more than one category. ${capitalise(named)} ${others.length > 1 ? 'have' : 'has'} not been added.`,
    });
  }
  return problems;
}

/**
 * The categorisation to store: the other categories without the primary, and no reason kept once
 * there are no other categories (a reason for nothing would mislead the next reader).
 */
export function normaliseCategorisation(draft: Categorisation): Categorisation {
  const secondary = draft.secondary.filter((c, i, all) => c !== draft.primary && all.indexOf(c) === i);
  return { primary: draft.primary, secondary, secondaryReason: secondary.length > 0 ? draft.secondaryReason.trim() : '' };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
