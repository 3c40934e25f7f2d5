import { describe, expect, it } from 'vitest';
import { RULE_IDS, SMART_LETTERS, hasBlocking, summariseFindings, type Finding } from '../../../../lib/rules/checks/findings.ts';

const finding = (rule: Finding['rule'], severity: Finding['severity']): Finding => ({ rule, severity, field: 'x', message: 'm' });

describe('summariseFindings', () => {
  it('counts blocking and advice per rule and in total', () => {
    const summary = summariseFindings([
      finding('specific', 'blocking'),
      finding('specific', 'blocking'),
      finding('specific', 'advice'),
      finding('timebound', 'blocking'),
      finding('plain-language', 'advice'),
    ]);
    expect(summary.byRule.specific).toEqual({ blocking: 2, advice: 1 });
    expect(summary.byRule.timebound).toEqual({ blocking: 1, advice: 0 });
    expect(summary.byRule['plain-language']).toEqual({ blocking: 0, advice: 1 });
    expect(summary).toMatchObject({ blocking: 3, advice: 2, total: 5 });
  });

  it('lists every rule with zeros when there are no findings', () => {
    const summary = summariseFindings([]);
    expect(Object.keys(summary.byRule)).toEqual([...RULE_IDS]);
    expect(Object.values(summary.byRule).every((c) => c.blocking === 0 && c.advice === 0)).toBe(true);
    expect(summary.total).toBe(0);
  });

  it('ignores a finding with an unknown rule rather than throwing', () => {
    const odd = { ...finding('specific', 'blocking'), rule: 'made-up' } as unknown as Finding;
    expect(summariseFindings([odd]).total).toBe(0);
  });
});

describe('hasBlocking', () => {
  it('is true when any finding blocks', () => {
    expect(hasBlocking([finding('sustainable', 'advice'), finding('measurable', 'blocking')])).toBe(true);
  });

  it('is false for advice only, or nothing', () => {
    expect(hasBlocking([finding('realistic', 'advice')])).toBe(false);
    expect(hasBlocking([])).toBe(false);
  });
});

describe('SMART_LETTERS', () => {
  it('spells SMARTS in order with rules that exist', () => {
    expect(SMART_LETTERS.map((l) => l.letter).join('')).toBe('SMARTS');
    expect(SMART_LETTERS.every((l) => RULE_IDS.includes(l.rule))).toBe(true);
  });
});
