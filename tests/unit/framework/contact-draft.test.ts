import { describe, expect, it } from 'vitest';
import { checkContactDraft, contactValues } from '../../../lib/framework/contact-draft.ts';

describe('checkContactDraft', () => {
  it('needs who, whom they see and how often', () => {
    expect(checkContactDraft({ who: '', withWhom: ' ', frequency: '', seenAlone: false, notes: '' }).map((p) => p.field)).toEqual([
      'who',
      'withWhom',
      'frequency',
    ]);
    expect(checkContactDraft({ who: 'School nurse', withWhom: 'Ava', frequency: 'Every week', seenAlone: true, notes: '' })).toEqual([]);
  });
});

describe('contactValues', () => {
  it('trims what was typed and keeps whether the child is seen alone', () => {
    expect(contactValues({ who: ' Nan ', withWhom: ' Leo ', frequency: ' Saturdays ', seenAlone: true, notes: ' supervised ' })).toEqual({
      who: 'Nan',
      withWhom: 'Leo',
      frequency: 'Saturdays',
      seenAlone: true,
      notes: 'supervised',
    });
  });
});
