import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AgencyReport, planRoots, setReportSharing } from '../../../lib/plan/index.ts';
import { checkReportDate, checkReportDraft, conferencesOf, orderReports } from '../../../lib/meetings/report-draft.ts';

const TODAY = '2026-11-22';

describe('conferencesOf', () => {
  it('keeps only conferences, newest first', () => {
    const meetings = [
      { id: 'i', kind: 'icpc', date: '2026-03-01', order: 1 },
      { id: 'c', kind: 'core-group', date: '2026-03-20', order: 2 },
      { id: 'r', kind: 'rcpc', date: '2026-06-01', order: 3 },
      { id: 'v', kind: 'visit', date: '2026-07-01', order: 4 },
    ];
    expect(conferencesOf(meetings).map((m) => m.id)).toEqual(['r', 'i']);
  });
});

describe('checkReportDraft', () => {
  it.each([
    ['a conference, agency and author', { meetingId: 'i', agency: 'Health', author: 'Sam, health visitor' }, []],
    ['a meeting that is not a live conference', { meetingId: 'gone', agency: 'Health', author: 'Sam' }, ['meetingId']],
    ['no agency or author', { meetingId: 'i', agency: ' ', author: '' }, ['agency', 'author']],
  ])('%s', (_name, draft, expected) => {
    expect(checkReportDraft(draft, ['i', 'r']).map((p) => p.field)).toEqual(expected);
  });
});

describe('checkReportDate', () => {
  it.each([
    ['2026-11-20', null],
    [TODAY, null],
    ['', 'Enter the date, with day, month and year.'],
    ['2026-11-31', 'This is not a real date. Check the day, month and year.'],
    ['2026-12-01', 'This date is still to come. Record it once it has happened.'],
  ])('%s → %s', (value, expected) => {
    expect(checkReportDate(value, TODAY)).toBe(expected);
  });
});

describe('setReportSharing', () => {
  it('records that a report was shared, and clears the date when it was not', () => {
    const doc = new Y.Doc();
    const reports = planRoots(doc).reports;
    const id = AgencyReport.add(doc, reports, { agency: 'Health' });
    setReportSharing(doc, reports, id, { with: 'parent', shared: true, on: '2026-11-20' });
    expect(AgencyReport.readAll(reports)[0]).toMatchObject({ sharedWithParent: true, sharedWithParentOn: '2026-11-20', sharedWithChild: false });
    setReportSharing(doc, reports, id, { with: 'parent', shared: false, on: '2026-11-20' });
    expect(AgencyReport.readAll(reports)[0]).toMatchObject({ sharedWithParent: false, sharedWithParentOn: '' });
    setReportSharing(doc, reports, id, { with: 'child', shared: true, on: '2026-11-21' });
    expect(AgencyReport.readAll(reports)[0]).toMatchObject({ sharedWithChild: true, sharedWithChildOn: '2026-11-21' });
  });
});

describe('orderReports', () => {
  it('lists reports by conference, newest first, then by agency, with orphans last', () => {
    const conferences = [{ id: 'review' }, { id: 'initial' }];
    const reports = [
      { id: '1', meetingId: 'initial', agency: 'Police' },
      { id: '2', meetingId: 'gone', agency: 'Education' },
      { id: '3', meetingId: 'review', agency: 'Health' },
      { id: '4', meetingId: 'initial', agency: 'health' },
    ];
    expect(orderReports(reports, conferences).map((r) => r.id)).toEqual(['3', '4', '1', '2']);
  });
});
