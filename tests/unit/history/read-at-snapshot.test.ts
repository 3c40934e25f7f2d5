import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { readFileSync } from 'node:fs';
import { decodeVersionSnapshot, keepHistory, withGcOff } from '../../../lib/history/keep-history.ts';
import { readVersion, readVersions, saveVersion } from '../../../lib/history/versions.ts';
import { readPlanSnapshot } from '../../../lib/history/plan-snapshot.ts';
import { migrateFullCopyVersions } from '../../../lib/history/migrate-versions.ts';
import { Meeting, Member, Version, planRoots, richTextFragment, setMetaField } from '../../../lib/plan/index.ts';
import { appendParagraphs } from '../../../lib/plan/rich-text-edits.ts';
import { BIG_COLUMN, changeBetweenMeetings, generateLargePlan } from '../../../bench/fixtures/large-plan.ts';
import { seededRandom } from '../../support/seeded-random.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

const SMALL = { meetings: 3, outcomes: 3, actionsPerOutcome: 3, chronology: 8, bigColumnWords: 150, otherWords: 150, historyEdits: 40 };

/** Version `id` read the way History did before: rebuilt in a second document. */
function rebuilt(doc: Y.Doc, id: string) {
  const record = planRoots(doc).versions.toArray().map(Version.read).find((v) => v.id === id)!;
  const snapshot = decodeVersionSnapshot(record.snapshot)!;
  const scratch = withGcOff(doc, () => Y.createDocFromSnapshot(doc, snapshot));
  try {
    return readPlanSnapshot(scratch);
  } finally {
    scratch.destroy();
  }
}

type Step =
  | { kind: 'edits'; peer: number; seed: number; count: number }
  | { kind: 'rename'; peer: number; name: string }
  | { kind: 'member'; peer: number; name: string; remove: boolean }
  | { kind: 'minutes'; peer: number; text: string }
  | { kind: 'format'; peer: number; seed: number }
  | { kind: 'save'; peer: number }
  | { kind: 'offline' }
  | { kind: 'online' };

const peer = fc.integer({ min: 0, max: 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('edits' as const), peer, seed: fc.nat(), count: fc.integer({ min: 1, max: 25 }) }),
  fc.record({ kind: fc.constant('rename' as const), peer, name: fc.string({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant('member' as const), peer, name: fc.string({ minLength: 1, maxLength: 8 }), remove: fc.boolean() }),
  fc.record({ kind: fc.constant('minutes' as const), peer, text: fc.string({ minLength: 1, maxLength: 20 }) }),
  fc.record({ kind: fc.constant('format' as const), peer, seed: fc.nat() }),
  fc.record({ kind: fc.constant('save' as const), peer }),
  fc.constant({ kind: 'offline' as const }),
  fc.constant({ kind: 'online' as const }),
);

function apply(docs: Y.Doc[], s: Step, peers: ReturnType<typeof connectedPeers>): void {
  if (s.kind === 'offline') return peers.disconnect();
  if (s.kind === 'online') return peers.connect();
  const doc = docs[s.peer]!;
  const roots = planRoots(doc);
  switch (s.kind) {
    case 'edits':
      return changeBetweenMeetings(doc, seededRandom(s.seed), s.count);
    case 'rename':
      return setMetaField(doc, { field: 'familyName', value: s.name });
    case 'member': {
      const members = Member.readAll(roots.members);
      if (s.remove && members.length > 0) Member.remove(doc, roots.members, members[members.length - 1]!.id);
      else Member.add(doc, roots.members, { name: s.name, agency: 'Health' });
      return;
    }
    case 'minutes': {
      const meeting = Meeting.liveMaps(roots.meetings)[0];
      if (meeting) appendParagraphs(doc, Meeting.fragment(meeting, 'minutes'), [[{ text: s.text }]]);
      return;
    }
    case 'format': {
      const random = seededRandom(s.seed);
      const paragraphs = richTextFragment(doc, BIG_COLUMN).toArray() as Y.XmlElement[];
      const text = paragraphs[Math.floor(random() * paragraphs.length)]?.get(0) as Y.XmlText | undefined;
      if (!text || text.length === 0) return;
      const at = Math.floor(random() * text.length);
      doc.transact(() => text.format(at, Math.min(text.length - at, 1 + Math.floor(random() * 30)), { bold: random() < 0.7 ? true : null }));
      return;
    }
    case 'save':
      saveVersion(doc, { name: `Version ${readVersions(doc).length + 1}`, by: `Member ${s.peer + 1}`, at: '2026-03-01' });
  }
}

describe('readVersion (a version read straight from the live document)', () => {
  it('reads every version exactly as rebuilding it with Y.createDocFromSnapshot does, over random edit histories of two members', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const peers = connectedPeers(2);
        const docs = peers.docs;
        docs.forEach(keepHistory);
        generateLargePlan(SMALL, 7, docs[0]);
        for (const s of steps) apply(docs, s, peers);
        saveVersion(docs[0]!, { name: 'Last', by: 'Member 1', at: '2026-03-02' });
        peers.connect();
        for (const doc of docs) {
          const before = Y.encodeStateAsUpdate(doc);
          let updates = 0;
          const count = () => void updates++;
          doc.on('update', count);
          for (const v of readVersions(doc)) expect(readVersion(doc, v.id, readPlanSnapshot)).toEqual(rebuilt(doc, v.id));
          doc.off('update', count);
          // Reading changes nothing and sends nothing.
          expect(updates).toBe(0);
          expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
        }
      }),
      { numRuns: 20 },
    );
    // Each run builds a small plan for two members: slow on a busy machine, not a timing check.
  }, 120_000);

  const fixture = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url);
  const expected = JSON.parse(readFileSync(fixture('legacy-versions.expected.json'), 'utf8')) as { snapshot: unknown }[];
  const asJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

  it('reads the legacy fixture’s versions as saved, both as migrated full copies and as snapshots of the same history', () => {
    const legacy = new Y.Doc();
    keepHistory(legacy);
    Y.applyUpdate(legacy, readFileSync(fixture('legacy-versions.ybin')));
    const fullCopies = planRoots(legacy).versions.toArray().map(Version.read).map((v) => v.state);
    migrateFullCopyVersions(legacy);
    readVersions(legacy).forEach((v, i) => expect(asJson(readVersion(legacy, v.id, readPlanSnapshot))).toEqual(expected[i]!.snapshot));

    // The same history replayed into one document, a snapshot version saved at each step.
    const doc = new Y.Doc();
    keepHistory(doc);
    const ids = fullCopies.map((state, i) => {
      Y.applyUpdateV2(doc, state);
      return saveVersion(doc, { name: `Replayed ${i + 1}`, by: 'Member 1', at: '2026-03-01' });
    });
    ids.forEach((id, i) => {
      expect(asJson(readVersion(doc, id, readPlanSnapshot))).toEqual(expected[i]!.snapshot);
      expect(readVersion(doc, id, readPlanSnapshot)).toEqual(rebuilt(doc, id));
    });
  });
});
