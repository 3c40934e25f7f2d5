import { describe, expect, it } from 'vitest';
import { countForOutcome, describeCount } from '../../../lib/checks/finding-counts.ts';
import type { Finding } from '../../../lib/rules/checks/findings.ts';

const f = (over: Partial<Finding>): Finding => ({ rule: 'specific', field: 'description', severity: 'blocking', message: 'm', ...over });

const FINDINGS: Finding[] = [
  f({ field: 'measure', outcomeId: 'o1', message: 'outcome measure' }),
  f({ field: 'measure', outcomeId: 'o1', actionId: 'a1', severity: 'advice', message: 'action measure advice' }),
  f({ field: 'measure', outcomeId: 'o1', actionId: 'a1', message: 'action measure' }),
  f({ field: 'measure', outcomeId: 'o2', actionId: 'a2', message: 'other action' }),
  f({ field: 'contingencyPlan', rule: 'completeness', message: 'plan' }),
  f({ field: 'contingencyPlan', rule: 'completeness', outcomeIndex: 0, message: 'indexed, not plan-level' }),
];

describe('countForOutcome', () => {
  it('counts an outcome’s findings with its actions’', () => {
    expect(countForOutcome(FINDINGS, 'o1')).toEqual({ blocking: 2, advice: 1 });
    expect(countForOutcome(FINDINGS, 'none')).toEqual({ blocking: 0, advice: 0 });
  });
});

describe('describeCount', () => {
  it.each([
    [{ blocking: 0, advice: 0 }, 'nothing to fix'],
    [{ blocking: 2, advice: 0 }, '2 to fix'],
    [{ blocking: 1, advice: 1 }, '1 to fix, 1 piece of advice'],
    [{ blocking: 0, advice: 3 }, '3 pieces of advice'],
  ])('says %o as “%s”', (count, words) => {
    expect(describeCount(count)).toBe(words);
  });
});
