import { describe, expect, it } from 'vitest';
import { checkCategorisation, normaliseCategorisation } from '../../../lib/framework/categorisation-draft.ts';

describe('checkCategorisation', () => {
  it('accepts one category with no reason', () => {
    expect(checkCategorisation({ primary: 'neglect', secondary: [], secondaryReason: '' })).toEqual([]);
  });

  it('refuses a second category without a reason, naming it', () => {
    expect(checkCategorisation({ primary: 'neglect', secondary: ['emotional'], secondaryReason: '  ' })).toEqual([
      { field: 'secondaryReason', message: 'Give the reason this plan needs more than one category. Emotional abuse has not been added.' },
    ]);
  });

  it('names every refused category', () => {
    expect(checkCategorisation({ primary: 'neglect', secondary: ['emotional', 'physical'], secondaryReason: '' })[0]!.message).toMatch(
      /Emotional abuse and physical abuse have not been added\./,
    );
  });

  it('accepts a second category with its reason', () => {
    expect(checkCategorisation({ primary: 'neglect', secondary: ['emotional'], secondaryReason: 'Both seen at every visit' })).toEqual([]);
  });

  it('needs a main category, with or without others', () => {
    expect(checkCategorisation({ primary: '', secondary: [], secondaryReason: '' })).toEqual([
      { field: 'primary', message: 'Choose the main category of abuse or neglect.' },
    ]);
    expect(checkCategorisation({ primary: '', secondary: ['physical'], secondaryReason: 'Seen by school' }).map((p) => p.field)).toEqual(['primary']);
  });

  it('does not count the main category again as another', () => {
    expect(checkCategorisation({ primary: 'sexual', secondary: ['sexual'], secondaryReason: '' })).toEqual([]);
  });
});

describe('normaliseCategorisation', () => {
  it('drops the main category and repeats from the others, and the reason when no others remain', () => {
    expect(normaliseCategorisation({ primary: 'neglect', secondary: ['neglect', 'physical', 'physical'], secondaryReason: ' Why ' })).toEqual({
      primary: 'neglect',
      secondary: ['physical'],
      secondaryReason: 'Why',
    });
    expect(normaliseCategorisation({ primary: 'neglect', secondary: ['neglect'], secondaryReason: 'Old reason' })).toEqual({
      primary: 'neglect',
      secondary: [],
      secondaryReason: '',
    });
  });
});
