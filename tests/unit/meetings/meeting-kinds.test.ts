import { describe, expect, it } from 'vitest';
import { MEETING_KINDS } from '../../../lib/plan/index.ts';
import { CONFERENCE_KINDS, isConference, MEETING_KIND_LABELS, meetingKindLabel } from '../../../lib/meetings/meeting-kinds.ts';
import { meetingTitle } from '../../../lib/meetings/meeting-title.ts';

describe('MEETING_KIND_LABELS', () => {
  it('names every kind in words, with no acronyms', () => {
    for (const kind of MEETING_KINDS) expect(MEETING_KIND_LABELS[kind]).not.toMatch(/\b[A-Z]{2,}\b/);
  });
});

describe('meetingKindLabel', () => {
  it.each([
    ['icpc', 'Initial child protection conference'],
    ['rcpc', 'Review child protection conference'],
    ['strategy', 'Strategy discussion'],
    ['transfer-in', 'Transfer-in conference'],
    ['pre-birth', 'Pre-birth conference'],
    ['core-group', 'Core group meeting'],
    ['visit', 'Visit'],
    ['tea-party', 'Meeting'],
    ['', 'Meeting'],
  ])('%s → %s', (kind, label) => {
    expect(meetingKindLabel(kind)).toBe(label);
  });
});

describe('isConference', () => {
  it('is true for the conferences that take agency reports and nothing else', () => {
    expect(MEETING_KINDS.filter(isConference)).toEqual(['icpc', 'rcpc', 'transfer-in', 'pre-birth']);
    expect(CONFERENCE_KINDS).toHaveLength(4);
    expect(isConference('unknown')).toBe(false);
  });
});

describe('meetingTitle', () => {
  it('names a meeting by kind and date in words', () => {
    expect(meetingTitle({ kind: 'icpc', date: '2026-03-04' })).toBe('Initial child protection conference, 4 March 2026');
  });

  it('says when the date is not set rather than showing a broken one', () => {
    expect(meetingTitle({ kind: 'visit', date: '2026-02-30' })).toBe('Visit, date not set');
  });
});

