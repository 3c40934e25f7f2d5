import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ProgressNote } from '../../../lib/plan/index.ts';
import { addProgressNote, checkProgressNote } from '../../../lib/outcomes/progress-notes.ts';

const TODAY = '2027-03-15';

describe('checkProgressNote', () => {
  it('accepts a dated note of progress up to today', () => {
    expect(checkProgressNote({ date: '2027-03-15', text: 'Ava was at school all week' }, TODAY)).toEqual([]);
  });

  it.each([
    [{ date: '', text: 'x' }, ['date']],
    [{ date: '2027-02-30', text: 'x' }, ['date']], // 30 February does not exist
    [{ date: '2027-03-16', text: 'x' }, ['date']], // tomorrow
    [{ date: '2027-03-01', text: '   ' }, ['text']],
    [{ date: 'soon', text: '' }, ['date', 'text']],
  ])('reports %j on the fields %j', (draft, fields) => {
    expect(checkProgressNote(draft, TODAY).map((p) => p.field)).toEqual(fields);
  });
});

describe('addProgressNote', () => {
  it('adds a trimmed note with who added it, and refuses a draft with problems', () => {
    const doc = new Y.Doc();
    const notes = doc.getArray<Y.Map<unknown>>('notes');
    addProgressNote(doc, notes, { date: '2027-03-10', text: ' Mum walked Ava in every day \n', addedBy: 'Sam Jones', today: TODAY });
    expect(ProgressNote.readAll(notes)).toMatchObject([{ date: '2027-03-10', text: 'Mum walked Ava in every day', addedBy: 'Sam Jones' }]);
    expect(() => addProgressNote(doc, notes, { date: '', text: '', addedBy: 'Sam Jones', today: TODAY })).toThrow(RangeError);
    expect(ProgressNote.readAll(notes)).toHaveLength(1);
  });
});
