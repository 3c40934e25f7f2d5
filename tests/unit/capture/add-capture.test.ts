import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPlan, planRoots, richTextFragment, ChronologyEntry, Meeting } from '../../../lib/plan/index.ts';
import { addCaptureToPlan, checkCaptureDraft, sourceLine, type CaptureDraft } from '../../../lib/capture/add-capture.ts';
import { plainText } from '../../../lib/plan/rich-text.ts';

const TODAY = '2026-03-04';
const sam = { name: 'Sam Social', agency: 'Children’s Social Care' };

function plan() {
  const doc = new Y.Doc();
  createPlan(doc, { familyName: 'Testington', children: [{ name: 'Leo', dob: '2019-09-09' }], profileId: 'national', division: 'england-and-wales', createdBy: 'Sam', createdAt: '2026-01-05' });
  return doc;
}

const draft = (over: Partial<CaptureDraft> = {}): CaptureDraft => ({
  text: 'Leo arrived at school hungry on three days this week.',
  pageTitle: 'Case note 3 March – Testington',
  pageUrl: 'http://127.0.0.1:4000/case/4471',
  destination: 'chronology',
  date: TODAY,
  agency: 'Education',
  ...over,
});

describe('checkCaptureDraft', () => {
  it('accepts a complete draft', () => {
    expect(checkCaptureDraft(plan(), draft(), TODAY)).toEqual([]);
  });

  it.each([
    ['no text', { text: '  ' }, 'text'],
    ['no destination', { destination: '' }, 'destination'],
    ['a field that does not exist', { destination: 'text:nonsense' }, 'destination'],
    ['a meeting that is not there', { destination: 'minutes:gone' }, 'destination'],
    ['a chronology date to come', { date: '2026-03-05' }, 'date'],
    ['a chronology entry with no agency', { agency: ' ' }, 'agency'],
  ])('refuses %s', (_name, over, field) => {
    expect(checkCaptureDraft(plan(), draft(over), TODAY).map((p) => p.field)).toEqual([field]);
  });

  it('asks no date or agency for rich-text destinations', () => {
    expect(checkCaptureDraft(plan(), draft({ destination: 'text:grey-areas', date: '', agency: '' }), TODAY)).toEqual([]);
  });
});

describe('addCaptureToPlan', () => {
  it('adds a chronology entry with the source address, the title and who added it', () => {
    const doc = plan();
    addCaptureToPlan(doc, draft(), sam, TODAY);
    const [entry] = ChronologyEntry.readAll(planRoots(doc).chronology);
    expect(entry).toMatchObject({
      date: TODAY,
      event: 'Leo arrived at school hungry on three days this week.\n\nSource: Case note 3 March – Testington',
      agency: 'Education',
      sourceLink: 'http://127.0.0.1:4000/case/4471',
      addedBy: 'Sam Social',
    });
  });

  it('keeps an address that is not a web address as text, not as a link', () => {
    const doc = plan();
    addCaptureToPlan(doc, draft({ pageTitle: '', pageUrl: 'file:///C:/notes.html' }), sam, TODAY);
    const [entry] = ChronologyEntry.readAll(planRoots(doc).chronology);
    expect(entry?.sourceLink).toBe('');
    expect(entry?.event).toMatch(/Source: file:\/\/\/C:\/notes\.html$/);
  });

  it('appends to a framework field, with a source line naming the page and the member', () => {
    const doc = plan();
    addCaptureToPlan(doc, draft({ destination: 'text:harm-neglect' }), sam, TODAY);
    expect(plainText(richTextFragment(doc, 'harm-neglect'))).toBe(
      'Leo arrived at school hungry on three days this week.\nFrom Case note 3 March – Testington, added by Sam Social (Children’s Social Care) on 4 March 2026.',
    );
  });

  it('appends to a meeting’s minutes', () => {
    const doc = plan();
    const id = Meeting.add(doc, planRoots(doc).meetings, { kind: 'core-group', date: '2026-03-01' });
    addCaptureToPlan(doc, draft({ destination: `minutes:${id}` }), sam, TODAY);
    const record = Meeting.liveMaps(planRoots(doc).meetings)[0]!;
    expect(plainText(Meeting.fragment(record, 'minutes'))).toMatch(/^Leo arrived at school hungry/);
  });

  it('refuses a draft that has problems', () => {
    expect(() => addCaptureToPlan(plan(), draft({ text: '' }), sam, TODAY)).toThrow(RangeError);
  });
});

describe('sourceLine', () => {
  it('links the title to the page when the address is a web address', () => {
    expect(sourceLine('Case note', 'https://case.example/1', sam, TODAY)).toContainEqual({ text: 'Case note', italic: true, href: 'https://case.example/1' });
  });

  it('says so when the member has not declared a name', () => {
    const words = sourceLine('', '', { name: '', agency: '' }, TODAY).map((r) => r.text).join('');
    expect(words).toBe('Added by a member who had not set their name on 4 March 2026.');
  });
});
