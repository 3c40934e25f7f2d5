import { describe, expect, it } from 'vitest';
import { groupByDomain } from '../../../lib/outcomes/group-by-domain.ts';
import { DOMAIN_LABELS, isActionStatus, isDomain } from '../../../lib/outcomes/labels.ts';

describe('groupByDomain', () => {
  it('returns the three domains in plan order, keeping each outcome in its display order', () => {
    const outcomes = [
      { id: '1', domain: 'parenting-capacity' },
      { id: '2', domain: 'developmental-needs' },
      { id: '3', domain: 'parenting-capacity' },
    ];
    expect(groupByDomain(outcomes)).toEqual([
      { domain: 'developmental-needs', items: [outcomes[1]] },
      { domain: 'parenting-capacity', items: [outcomes[0], outcomes[2]] },
      { domain: 'family-environment', items: [] },
    ]);
  });

  it('collects outcomes with a missing or unknown domain in a fourth group rather than hiding them', () => {
    const groups = groupByDomain([{ id: '1', domain: '' }, { id: '2', domain: 'housing' }]);
    expect(groups).toHaveLength(4);
    expect(groups[3]).toEqual({ domain: '', items: [{ id: '1', domain: '' }, { id: '2', domain: 'housing' }] });
  });
});

describe('labels', () => {
  it('words the domains as the assessment framework does', () => {
    expect(Object.values(DOMAIN_LABELS)).toEqual(["The child's developmental needs", 'Parenting capacity', 'Family and environmental factors']);
    expect(isDomain('family-environment')).toBe(true);
    expect(isDomain('Family')).toBe(false);
    expect(isActionStatus('done')).toBe(true);
    expect(isActionStatus('finished')).toBe(false);
  });
});
