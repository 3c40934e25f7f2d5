import { describe, expect, it } from 'vitest';
import { checkChronologyDraft, chronologyValues, isWebAddress, linkHost } from '../../../lib/chronology/chronology-draft.ts';

const TODAY = '2026-11-22';
const good = { date: '2026-10-01', event: 'Ava seen at the GP for a cough', agency: 'Health', sourceLink: '' };
const fields = (draft: typeof good) => checkChronologyDraft(draft, TODAY).map((p) => p.field);

describe('checkChronologyDraft', () => {
  it('accepts a dated event from an agency, with or without a web link', () => {
    expect(checkChronologyDraft(good, TODAY)).toEqual([]);
    expect(checkChronologyDraft({ ...good, sourceLink: 'https://records.example.org/case/12' }, TODAY)).toEqual([]);
  });

  it.each([
    ['a missing date', { date: '' }, ['date']],
    // 2026 is not a leap year.
    ['a date that does not exist', { date: '2026-02-29' }, ['date']],
    ['a date not written yyyy-MM-dd', { date: '1/10/2026' }, ['date']],
    ['a date still to come', { date: '2026-11-23' }, ['date']],
    ['an empty event', { event: '   ' }, ['event']],
    ['no agency', { agency: '' }, ['agency']],
    ['a javascript: link', { sourceLink: 'javascript:alert(1)' }, ['sourceLink']],
    ['a link that is not an address', { sourceLink: 'case notes' }, ['sourceLink']],
    ['several problems at once', { date: '', event: '' }, ['date', 'event']],
  ])('refuses %s', (_name, change, expected) => {
    expect(fields({ ...good, ...change })).toEqual(expected);
  });

  it('accepts today', () => {
    expect(checkChronologyDraft({ ...good, date: TODAY }, TODAY)).toEqual([]);
  });

  it('says what to do in each message', () => {
    const [problem] = checkChronologyDraft({ ...good, sourceLink: 'ftp://files.example.org/x' }, TODAY);
    expect(problem?.message).toBe('The source link must be a web address starting with https:// or http://.');
  });
});

describe('isWebAddress', () => {
  it.each([
    ['https://example.org/a?b=c', true],
    ['http://localhost:8080/', true],
    ['file:///etc/passwd', false],
    ['data:text/html,<b>x</b>', false],
    ['javascript:void(0)', false],
    ['example.org', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isWebAddress(value)).toBe(expected);
  });
});

describe('chronologyValues', () => {
  it('trims the text but keeps the date as typed', () => {
    expect(chronologyValues({ date: '2026-01-01', event: ' Seen ', agency: ' Police ', sourceLink: ' https://x.example/ ' })).toEqual({
      date: '2026-01-01',
      event: 'Seen',
      agency: 'Police',
      sourceLink: 'https://x.example/',
    });
  });
});

describe('linkHost', () => {
  it('names a link by its host without www, and nothing for a bad link', () => {
    expect(linkHost('https://www.example.org/path')).toBe('example.org');
    expect(linkHost('javascript:alert(1)')).toBe('');
  });
});
