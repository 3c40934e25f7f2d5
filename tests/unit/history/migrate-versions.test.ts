import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readFileSync } from 'node:fs';
import { hasFullCopyVersions, migrateFullCopyVersions } from '../../../lib/history/migrate-versions.ts';
import { keepHistory } from '../../../lib/history/keep-history.ts';
import { loadVersion, readVersions, saveVersion, versionStateVector } from '../../../lib/history/versions.ts';
import { readPlanSnapshot } from '../../../lib/history/plan-snapshot.ts';
import { Version, planRoots } from '../../../lib/plan/index.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

const fixture = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url);
/** The plan saved by the code that kept full copies (tests/fixtures/README.md). */
const legacyPlan = () => {
  const doc = new Y.Doc();
  keepHistory(doc);
  Y.applyUpdate(doc, readFileSync(fixture('legacy-versions.ybin')));
  return doc;
};
const expected = JSON.parse(readFileSync(fixture('legacy-versions.expected.json'), 'utf8')) as { id: string; name: string; snapshot: unknown }[];
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe('migrateFullCopyVersions', () => {
  it('converts every full copy but the first, and every version reads exactly as before', () => {
    const doc = legacyPlan();
    const svBefore = readVersions(doc).map((v) => versionStateVector(doc, v.id));
    const sizeBefore = Y.encodeStateAsUpdate(doc).length;
    expect(hasFullCopyVersions(doc)).toBe(true);

    expect(migrateFullCopyVersions(doc)).toEqual({ converted: 4, keptWhole: 1 });

    expect(readVersions(doc).map((v) => v.id)).toEqual(expected.map((v) => v.id));
    readVersions(doc).forEach((v, i) => {
      const then = loadVersion(doc, v.id)!;
      expect(asJson(readPlanSnapshot(then))).toEqual(expected[i]!.snapshot);
      then.destroy();
      expect(versionStateVector(doc, v.id)).toEqual(svBefore[i]);
    });
    expect(Y.encodeStateAsUpdate(doc).length).toBeLessThan(sizeBefore * 0.5);
    expect(hasFullCopyVersions(doc)).toBe(false);
    expect(migrateFullCopyVersions(doc)).toEqual({ converted: 0, keptWhole: 1 });
  });

  it('converges when two members convert at once, and new versions after it are snapshots', () => {
    const peers = connectedPeers(2);
    const [a, b] = peers.docs as [Y.Doc, Y.Doc];
    keepHistory(a);
    keepHistory(b);
    Y.applyUpdate(a, readFileSync(fixture('legacy-versions.ybin')));
    peers.disconnect();
    migrateFullCopyVersions(a);
    migrateFullCopyVersions(b);
    peers.connect();
    expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
    const id = saveVersion(b, { name: 'After the upgrade', by: 'Priya', at: '2026-03-01' });
    for (const doc of [a, b]) {
      readVersions(doc).slice(0, 5).forEach((v, i) => {
        expect(asJson(readPlanSnapshot(loadVersion(doc, v.id)!))).toEqual(expected[i]!.snapshot);
      });
      expect(Version.read(planRoots(doc).versions.get(5)).snapshot.length).toBeGreaterThan(0);
      expect(loadVersion(doc, id)).toBeDefined();
    }
  });

  it('keeps a full copy whole when it does not rebuild exactly from the one before', () => {
    const doc = legacyPlan();
    // A damaged copy: the third version's bytes cut short.
    const list = planRoots(doc).versions;
    const third = Version.read(list.get(2));
    Version.set(doc, list, third.id, 'state', third.state.slice(0, 100));
    expect(migrateFullCopyVersions(doc)).toEqual({ converted: 2, keptWhole: 3 });
    expect(asJson(readPlanSnapshot(loadVersion(doc, expected[4]!.id)!))).toEqual(expected[4]!.snapshot);
    expect(asJson(readPlanSnapshot(loadVersion(doc, expected[1]!.id)!))).toEqual(expected[1]!.snapshot);
  });
});
