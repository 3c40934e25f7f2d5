import { describe, expect, it } from 'vitest';
import { checkPersonDraft, personKind } from '../../../lib/framework/person-draft.ts';

describe('checkPersonDraft', () => {
  it('needs a name and whether they are a parent, carer or other significant person', () => {
    expect(checkPersonDraft({ name: ' ', relationship: '', kind: '', contact: '' }).map((p) => p.field)).toEqual(['name', 'kind']);
    expect(checkPersonDraft({ name: 'Jo Testington', relationship: 'Mother', kind: 'parent', contact: '' })).toEqual([]);
  });
});

describe('personKind', () => {
  it('reads a kind this version does not know as another significant person', () => {
    expect(personKind('carer')).toBe('carer');
    expect(personKind('neighbour')).toBe('significant');
    expect(personKind('')).toBe('significant');
  });
});
