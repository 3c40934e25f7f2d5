/**
 * Counting findings for people: per outcome (findings from `checkPlan` carry `outcomeId` on
 * everything about an outcome, its actions' findings too) and in words.
 */
import { summariseFindings, type Finding, type RuleCount } from '../rules/checks/findings.ts';

/** Blocking and advice counts for one outcome, its actions' findings included. */
export function countForOutcome(findings: readonly Finding[], outcomeId: string): RuleCount {
  const { blocking, advice } = summariseFindings(findings.filter((f) => f.outcomeId === outcomeId));
  return { blocking, advice };
}

/** "2 to fix, 1 piece of advice", "Nothing to fix", for counts people read. */
export function describeCount(count: RuleCount): string {
  const parts: string[] = [];
  if (count.blocking > 0) parts.push(`${count.blocking} to fix`);
  if (count.advice > 0) parts.push(count.advice === 1 ? '1 piece of advice' : `${count.advice} pieces of advice`);
  return parts.length > 0 ? parts.join(', ') : 'nothing to fix';
}
