import { describe, expect, it } from 'vitest';
import { NOT_RECORDED, REPORT_DOMAINS, reportPrintModel } from '../../../lib/export/report-print-model.ts';
import { richTextToPlain } from '../../../lib/plan/rich-text.ts';
import { AgencyReport, Meeting, planRoots } from '../../../lib/plan/index.ts';
import { testingtonPlan } from './plan-fixture.ts';

describe('reportPrintModel', () => {
  it('fills the template’s boxes from the report and the plan', () => {
    const { doc, ids } = testingtonPlan();
    const model = reportPrintModel(doc, ids.reportId)!;
    expect(model).toMatchObject({
      title: 'Initial child protection conference report',
      agency: 'Health',
      author: 'Hana Visitor, health visitor',
      conference: 'Initial child protection conference, 1 May 2026',
      lengthOfInvolvement: 'Since 2019',
      viewOnHarm: 'Yes, from missed health care.',
      sharedWithParent: 'Yes, on 29 April 2026',
      sharedWithChild: 'No',
      date: '28 April 2026',
    });
    expect(model.children).toEqual([
      { name: 'Ava', born: '14 March 2019', address: '1 Fictional Road', gp: NOT_RECORDED, school: NOT_RECORDED },
      { name: 'Leo', born: 'Expected 1 December 2026', address: '1 Fictional Road', gp: NOT_RECORDED, school: NOT_RECORDED },
    ]);
    expect(model.parents).toEqual([{ name: 'Jo Testington (Mother of Ava and Leo)', born: NOT_RECORDED, address: NOT_RECORDED }]);
    expect(model.others).toEqual([{ name: 'Pat Example', born: NOT_RECORDED, relationship: 'Grandparent' }]);
  });

  it('has the template’s three summary rows in order, with the agency’s text', () => {
    const { doc, ids } = testingtonPlan();
    const model = reportPrintModel(doc, ids.reportId)!;
    expect(model.summary.map((s) => s.title)).toEqual(REPORT_DOMAINS.map((d) => d.title));
    expect(model.summary[0]!.text).toBeNull();
    expect(richTextToPlain(model.summary[1]!.text!)).toBe('Jo loves the children but misses appointments.');
    expect(richTextToPlain(model.contribution!)).toBe('Monthly home visits.');
    expect(model.whatNeedsToChange).toBeNull();
  });

  it('brings in this agency’s entries from the plan’s chronology, with their source', () => {
    const { doc, ids } = testingtonPlan();
    expect(reportPrintModel(doc, ids.reportId)!.agencyChronology).toEqual([
      { date: '2 March 2026', event: 'Missed 2-year check', source: 'https://example.org/record/1' },
    ]);
  });

  it('is titled a review report for a review conference', () => {
    const { doc, ids } = testingtonPlan();
    AgencyReport.set(doc, planRoots(doc).reports, ids.reportId, 'meetingId', ids.rcpcId);
    expect(reportPrintModel(doc, ids.reportId)!.title).toBe('Review child protection conference report');
    // Its conference removed, the report cannot say which kind it was for.
    Meeting.remove(doc, planRoots(doc).meetings, ids.rcpcId);
    expect(reportPrintModel(doc, ids.reportId)!.title).toBe('Initial or review child protection conference report');
  });

  it('leaves the agency’s own answers empty when not written, for the print to say so', () => {
    const { doc, ids } = testingtonPlan();
    AgencyReport.set(doc, planRoots(doc).reports, ids.reportId, 'viewOnHarm', '  ');
    expect(reportPrintModel(doc, ids.reportId)!.viewOnHarm).toBe('');
  });

  it('is null for a removed or unknown report', () => {
    const { doc, ids } = testingtonPlan();
    expect(reportPrintModel(doc, 'nope')).toBeNull();
    AgencyReport.remove(doc, planRoots(doc).reports, ids.reportId);
    expect(reportPrintModel(doc, ids.reportId)).toBeNull();
  });
});
