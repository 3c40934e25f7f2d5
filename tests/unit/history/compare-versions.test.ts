import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createPlan,
  planRoots,
  richTextFragment,
  setMetaField,
  setPlanStatus,
  ChronologyEntry,
  Member,
  Meeting,
  Outcome,
  Action,
} from '../../../lib/plan/index.ts';
import { appendParagraphs } from '../../../lib/plan/rich-text-edits.ts';
import { recordAuthor } from '../../../lib/plan/authors.ts';
import { loadVersion, saveVersion, versionStateVector } from '../../../lib/history/versions.ts';
import { readPlanSnapshot } from '../../../lib/history/plan-snapshot.ts';
import { compareSnapshots } from '../../../lib/history/compare-snapshots.ts';
import { whoChanged } from '../../../lib/history/changed-by.ts';
import { compareWithNow, compareWithVersion, versionBaseline, versionSnapshot } from '../../../lib/history/compare-versions.ts';
import { isUnchanged } from '../../../lib/history/compare-snapshots.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

function plan(doc: Y.Doc) {
  createPlan(doc, { familyName: 'Testington', children: [{ name: 'Ava', dob: '2018-04-01' }], profileId: 'national', division: 'england-and-wales', createdBy: 'Sam', createdAt: '2026-01-05' });
  const roots = planRoots(doc);
  Member.add(doc, roots.members, { name: 'Sam Social', agency: 'CSC' });
  const outcome = Outcome.add(doc, roots.outcomes, { domain: 'parenting-capacity', statement: 'Ava is collected from school on time every day' });
  Action.add(doc, Outcome.list(Outcome.liveMaps(roots.outcomes)[0]!, 'actions'), { description: 'Mum sets a phone alarm', status: 'not-started' });
  ChronologyEntry.add(doc, roots.chronology, { date: '2026-01-10', event: 'Home visit', agency: 'CSC' });
  appendParagraphs(doc, richTextFragment(doc, 'strengths'), [[{ text: 'Mum loves Ava and wants to keep her safe.' }]]);
  return outcome;
}

describe('versionSnapshot', () => {
  it('rebuilds a version once: viewing it and then comparing it reuse one reading', () => {
    const doc = new Y.Doc();
    plan(doc);
    const id = saveVersion(doc, { name: 'Start', by: 'Sam', at: '2026-02-01' });
    const first = versionSnapshot(doc, id)!;
    expect(versionBaseline(doc, id)!.snapshot).toBe(first);
    expect(versionSnapshot(new Y.Doc(), id)).toBeUndefined();
  });

  it('reads the plan as it was, in words', () => {
    const doc = new Y.Doc();
    plan(doc);
    const id = saveVersion(doc, { name: 'Start', by: 'Sam', at: '2026-02-01' });
    setMetaField(doc, { field: 'familyName', value: 'Changed' });
    const then = versionSnapshot(doc, id)!;
    expect(then.fields.find((f) => f.key === 'familyName')?.value).toBe('Testington');
    expect(then.fields.find((f) => f.key === 'status')?.value).toBe('Outline');
    expect(then.texts.find((t) => t.key === 'strengths')?.value).toBe('Mum loves Ava and wants to keep her safe.');
    expect(then.lists.find((l) => l.key === 'children')?.records[0]?.fields.find((f) => f.key === 'dob')?.value).toBe('1 April 2018');
    expect(then.lists.find((l) => l.key === 'actions')?.records.map((r) => r.label)).toEqual(['Mum sets a phone alarm']);
  });
});

describe('compareWithNow', () => {
  it('lists changed fields, added, removed and changed records, and marks rich text word by word', () => {
    const doc = new Y.Doc();
    plan(doc);
    recordAuthor(doc, { name: 'Sam Social', agency: 'CSC' });
    const baseline = versionBaseline(doc, saveVersion(doc, { name: 'Start', by: 'Sam', at: '2026-02-01' }))!;
    const roots = planRoots(doc);
    setPlanStatus(doc, { status: 'detailed' });
    Member.add(doc, roots.members, { name: 'Priya Nurse', agency: 'Health' });
    ChronologyEntry.remove(doc, roots.chronology, ChronologyEntry.readAll(roots.chronology)[0]!.id);
    const action = Action.liveMaps(Outcome.list(Outcome.liveMaps(roots.outcomes)[0]!, 'actions'))[0]!;
    Action.set(doc, Outcome.list(Outcome.liveMaps(roots.outcomes)[0]!, 'actions'), String(action.get('id')), 'status', 'done');
    Meeting.add(doc, roots.meetings, { kind: 'core-group', date: '2026-02-10' });
    const strengths = richTextFragment(doc, 'strengths');
    (((strengths.get(0) as Y.XmlElement).get(0)) as Y.XmlText).delete(0, 4);
    appendParagraphs(doc, strengths, [[{ text: 'Grandmother helps.' }]]);

    const { changes, changedBy } = compareWithNow(doc, baseline);
    expect(changes.fields).toEqual([{ label: 'Status of the plan', before: 'Outline', after: 'Detailed' }]);
    const list = (key: string) => changes.lists.find((l) => l.key === key);
    expect(list('members')?.added).toEqual(['Priya Nurse, Health']);
    expect(list('chronology')?.removed).toEqual(['10 January 2026: Home visit']);
    expect(list('actions')?.changed).toEqual([{ label: 'Mum sets a phone alarm', fields: [{ label: 'Progress', before: 'Not started', after: 'Done' }], texts: [] }]);
    expect(list('meetings')?.added).toEqual(['Core group meeting, 10 February 2026']);
    expect(changes.texts).toEqual([
      {
        label: 'Strengths and protective factors',
        parts: [
          { kind: 'removed', text: 'Mum ' },
          { kind: 'same', text: 'loves Ava and wants to keep her safe.' },
          { kind: 'added', text: '\nGrandmother helps.' },
        ],
      },
    ]);
    expect(changedBy).toEqual({ authors: [{ name: 'Sam Social', agency: 'CSC' }], undeclared: 0 });
  });

  it('finds nothing changed straight after saving', () => {
    const doc = new Y.Doc();
    plan(doc);
    const baseline = versionBaseline(doc, saveVersion(doc, { name: 'Start', by: 'Sam', at: '2026-02-01' }))!;
    expect(isUnchanged(compareWithNow(doc, baseline).changes)).toBe(true);
  });
});

describe('compareWithVersion', () => {
  it('compares two versions, naming who changed the plan between them', () => {
    const peers = connectedPeers(2);
    const [sam, priya] = peers.docs as [Y.Doc, Y.Doc];
    plan(sam);
    recordAuthor(priya, { name: 'Priya Nurse', agency: 'Health' });
    const first = saveVersion(sam, { name: 'First', by: 'Sam', at: '2026-02-01' });
    appendParagraphs(priya, richTextFragment(priya, 'grey-areas'), [[{ text: 'Who is the new partner?' }]]);
    const second = saveVersion(sam, { name: 'Second', by: 'Sam', at: '2026-02-08' });
    setMetaField(sam, { field: 'address', value: 'after the second version' });

    const result = compareWithVersion(sam, versionBaseline(sam, first)!, second)!;
    expect(result.changes.fields).toEqual([]);
    expect(result.changes.texts.map((t) => t.label)).toEqual(['Grey areas']);
    expect(result.changedBy).toEqual({ authors: [{ name: 'Priya Nurse', agency: 'Health' }], undeclared: 0 });
    expect(compareWithVersion(sam, versionBaseline(sam, first)!, 'unknown')).toBeUndefined();
  });

  it('reads the later version from the plan, finding what rebuilding it finds', () => {
    const peers = connectedPeers(3);
    const [sam, priya, ola] = peers.docs as [Y.Doc, Y.Doc, Y.Doc];
    plan(sam);
    recordAuthor(sam, { name: 'Sam Social', agency: 'CSC' });
    recordAuthor(priya, { name: 'Priya Nurse', agency: 'Health' });
    recordAuthor(ola, { name: 'Ola Teacher', agency: 'Education' });
    const first = saveVersion(sam, { name: 'First', by: 'Sam', at: '2026-02-01' });
    // Between the versions: Priya adds and deletes, Sam rewords; after the second: Ola, and more deleting.
    const roots = planRoots(priya);
    appendParagraphs(priya, richTextFragment(priya, 'grey-areas'), [[{ text: 'Who is the new partner?' }]]);
    ChronologyEntry.remove(priya, roots.chronology, ChronologyEntry.readAll(roots.chronology)[0]!.id);
    const samsWords = ((richTextFragment(sam, 'strengths').get(0) as Y.XmlElement).get(0)) as Y.XmlText;
    sam.transact(() => {
      samsWords.delete(0, 4);
      samsWords.insert(0, 'Her mum ');
    });
    const second = saveVersion(priya, { name: 'Second', by: 'Priya', at: '2026-02-08' });
    setMetaField(ola, { field: 'address', value: '4 Test Close' });
    (((richTextFragment(ola, 'grey-areas').get(0) as Y.XmlElement).get(0)) as Y.XmlText).delete(0, 4);
    Member.add(ola, planRoots(ola).members, { name: 'Ola Teacher', agency: 'Education' });

    const baseline = versionBaseline(sam, first)!;
    const result = compareWithVersion(sam, baseline, second)!;
    const rebuilt = loadVersion(sam, second)!;
    expect(result.changes).toEqual(compareSnapshots(baseline.snapshot, readPlanSnapshot(rebuilt)));
    expect(result.changedBy).toEqual(whoChanged(rebuilt, baseline.stateVector));
    expect(result.changedBy.authors.map((a) => a.name)).toEqual(['Priya Nurse', 'Sam Social']);
    expect(whoChanged(sam, baseline.stateVector, { until: versionStateVector(sam, second) }).authors.map((a) => a.name)).not.toContain('Ola Teacher');
    rebuilt.destroy();
  });
});
