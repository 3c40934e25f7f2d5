import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Action, COMMAND_ORIGIN, Outcome, planRoots, readArrangements, richTextFragment, setArrangementField } from '../../../lib/plan/index.ts';
import { applyFindingFix, findReplaceIndex, replaceInText } from '../../../lib/checks/apply-fix.ts';
import { checkPlanDoc } from '../../../lib/checks/check-plan-doc.ts';
import { richTextPlain } from '../../../lib/plan/rich-text.ts';
import type { Finding } from '../../../lib/rules/checks/findings.ts';
import { REVIEW, TODAY, completePlan, writeRichText } from './plan-doc-fixtures.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

const fixOn = (doc: Y.Doc, match: (f: Finding) => boolean): Finding => {
  const finding = checkPlanDoc(doc, TODAY).find((f) => f.fix !== undefined && match(f));
  if (!finding) throw new Error('no finding with a fix');
  return finding;
};

describe('findReplaceIndex', () => {
  const fix = { kind: 'replace', from: 'ICPC', to: 'the first conference', index: 7 } as const;

  it('uses the index when the words are still there', () => {
    expect(findReplaceIndex('At the ICPC.', fix)).toBe(7);
  });

  it('follows the words when text before them has changed, choosing the nearest occurrence', () => {
    expect(findReplaceIndex('ICPC. Seen at the ICPC.', fix)).toBe(0);
    expect(findReplaceIndex('Yes, at the ICPC and the ICPC.', { ...fix, index: 14 })).toBe(12);
  });

  it('is -1 when the words have gone', () => {
    expect(findReplaceIndex('At the first conference.', fix)).toBe(-1);
    expect(findReplaceIndex('anything', { ...fix, from: '' })).toBe(-1);
  });
});

describe('replaceInText', () => {
  it('replaces the words, keeping the rest', () => {
    expect(replaceInText('Agreed at the ICPC today', { kind: 'replace', from: 'the ICPC', to: 'the first conference', index: 10 })).toBe(
      'Agreed at the first conference today',
    );
  });
});

describe('applyFindingFix', () => {
  it('replaces jargon in an action’s description through the record command, in one transaction', () => {
    const { doc, actions, actionId } = completePlan();
    Action.set(doc, actions, actionId, 'description', 'Priya explains the CPP to mum at each visit');
    const finding = fixOn(doc, (f) => f.actionId === actionId && f.field === 'description');
    const origins: unknown[] = [];
    doc.on('afterTransaction', (t: Y.Transaction) => origins.push(t.origin));
    expect(applyFindingFix(doc, finding)).toBe(true);
    expect(origins).toEqual([COMMAND_ORIGIN]);
    expect(Action.readAll(actions)[0]!.description).toBe('Priya explains the child protection plan to mum at each visit');
  });

  it('replaces jargon in an outcome’s measure', () => {
    const { doc, outcomeId } = completePlan();
    const list = planRoots(doc).outcomes;
    Outcome.set(doc, list, outcomeId, 'measure', 'Attendance reported to the RCPC');
    expect(applyFindingFix(doc, fixOn(doc, (f) => f.outcomeId === outcomeId && f.field === 'measure'))).toBe(true);
    expect(Outcome.readAll(list)[0]!.measure).toBe('Attendance reported to the review child protection conference');
  });

  it('sets an action’s due date to the review date', () => {
    const { doc, actions, actionId } = completePlan();
    Action.set(doc, actions, actionId, 'dueDate', '2026-09-01');
    expect(applyFindingFix(doc, fixOn(doc, (f) => f.actionId === actionId && f.fix?.kind === 'set-due-date'))).toBe(true);
    expect(Action.readAll(actions)[0]!.dueDate).toBe(REVIEW);
  });

  it('replaces jargon in a rich-text field, keeping its paragraphs and formatting', () => {
    const { doc } = completePlan();
    writeRichText(doc, 'danger-statement', ['We are **worried** about Ava.', 'This was agreed at the ICPC.']);
    expect(applyFindingFix(doc, fixOn(doc, (f) => f.field === 'dangerStatement'))).toBe(true);
    const fragment = richTextFragment(doc, 'danger-statement');
    expect(richTextPlain(fragment)).toBe('We are worried about Ava.\nThis was agreed at the first child protection conference.');
    expect(fragment.toString()).toContain('<strong>worried</strong>');
  });

  it('replaces jargon in a harm field and in the visiting arrangements', () => {
    const { doc } = completePlan();
    writeRichText(doc, 'harm-physical', ['A bruise was seen; S47 enquiries followed.']);
    setArrangementField(doc, { field: 'seenAlone', value: 'Ava is seen alone by the SW at school' });
    expect(applyFindingFix(doc, fixOn(doc, (f) => f.field === 'harms[0].description'))).toBe(true);
    expect(applyFindingFix(doc, fixOn(doc, (f) => f.field === 'visiting.seenAlone'))).toBe(true);
    expect(richTextPlain(richTextFragment(doc, 'harm-physical'))).toBe('A bruise was seen; child protection enquiries followed.');
    expect(readArrangements(doc).seenAlone).toBe('Ava is seen alone by the social worker at school');
  });

  it('changes nothing when the words have gone, the record was removed, or there is no fix', () => {
    const { doc, actions, actionId } = completePlan();
    Action.set(doc, actions, actionId, 'description', 'Priya explains the CPP to mum at each visit');
    const finding = fixOn(doc, (f) => f.actionId === actionId && f.field === 'description');
    Action.set(doc, actions, actionId, 'description', 'Priya explains the plan to mum at each visit');
    const unchanged = (run: () => boolean) => {
      const before = Y.encodeStateVector(doc);
      expect(run()).toBe(false);
      expect(Y.encodeStateVector(doc)).toEqual(before);
    };
    unchanged(() => applyFindingFix(doc, finding));
    unchanged(() => applyFindingFix(doc, { ...finding, fix: undefined }));
    Action.remove(doc, actions, actionId);
    unchanged(() => applyFindingFix(doc, { ...finding, field: 'dueDate', fix: { kind: 'set-due-date', value: REVIEW } }));
    expect(Action.read(actions.get(0)).description).toBe('Priya explains the plan to mum at each visit');
  });

  it('keeps a colleague’s concurrent typing in the same field when a fix is applied', () => {
    const { docs, disconnect, connect } = connectedPeers(2);
    const [a, b] = docs as [Y.Doc, Y.Doc];
    const built = completePlan();
    writeRichText(built.doc, 'contingency', ['If things do not get better, the IRO will call a review.']);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(built.doc));
    disconnect();
    const fix = fixOn(a, (f) => f.field === 'contingencyPlan');
    expect(applyFindingFix(a, fix)).toBe(true);
    // Meanwhile b adds a sentence to the same paragraph.
    const paragraph = richTextFragment(b, 'contingency').get(0) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    text.insert(text.length, ' Sam will tell the family.');
    connect();
    const expected = 'If things do not get better, the independent chair will call a review. Sam will tell the family.';
    expect(richTextPlain(richTextFragment(a, 'contingency'))).toBe(expected);
    expect(richTextPlain(richTextFragment(b, 'contingency'))).toBe(expected);
  });
});
