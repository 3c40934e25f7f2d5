/**
 * Every finding for a plan document: `checkPlan` over the document as `plan-for-checks` maps it.
 * The one place the editor runs the whole-plan checks, so the inline findings, the counts and the
 * agreed and circulated gates all see the same list.
 */
import type * as Y from 'yjs';
import type { Finding } from '../rules/checks/findings.ts';
import { checkPlan } from '../rules/checks/plan-completeness.ts';
import { readCheckContext, readPlanForChecks } from './plan-for-checks.ts';

// A harm's impact is the same text as its description (see HARM_FIELDS), so findings on it repeat those on the description.
const REPEATED_HARM_IMPACT = /^harms\[\d+\]\.impact$/;

/**
 * The findings for the plan in `doc` on `today` (yyyy-MM-dd). Never throws on document content;
 * throws a `RangeError` if `today` is not a yyyy-MM-dd date (the caller's mistake).
 */
export function checkPlanDoc(doc: Y.Doc, today: string): Finding[] {
  const findings = checkPlan(readPlanForChecks(doc), readCheckContext(doc, today));
  return findings.filter((finding) => !REPEATED_HARM_IMPACT.test(finding.field));
}
