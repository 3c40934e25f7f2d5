/**
 * What a year of saved versions costs (issue 18), in-process on the large plan with 26 versions
 * (bench/fixtures/plan-history.ts) beside the same plan without them:
 * - stored size of plan + versions against the plan alone (budget ≤ 1.3×), and separately the
 *   snapshots and the deleted text the document keeps because a version shows it;
 * - decoding the stored plan as the open path does (a history-keeping document) against plain
 *   `Y.applyUpdate` of the plan alone, in the same run;
 * - opening the oldest version and comparing it with now (budget ≤ 300 ms);
 * - the backup file's size and how long reading and restoring it takes.
 * Cold open in the browser, to interactive, is cold-open.bench.ts (which opens this plan too).
 */
import * as Y from 'yjs';
import { keepHistory } from '../lib/history/keep-history.ts';
import { readVersion, readVersions, saveVersion } from '../lib/history/versions.ts';
import { readPlanSnapshot } from '../lib/history/plan-snapshot.ts';
import { decodeVersionSnapshot, withGcOff } from '../lib/history/keep-history.ts';
import { Version, planRoots } from '../lib/plan/index.ts';
import { compareWithNow, versionBaseline } from '../lib/history/compare-versions.ts';
import { writeBackup } from '../lib/export/write-backup.ts';
import { readBackup } from '../lib/export/read-backup.ts';
import { EDITS_BETWEEN_MEETINGS, generatePlanWithHistory, keptDeletedText } from './fixtures/plan-history.ts';
import { changeBetweenMeetings } from './fixtures/large-plan.ts';
import { seededRandom } from '../tests/support/seeded-random.ts';
import { percentile, type Figure } from './figure.ts';

const RUNS = 5;

function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

async function timedAsync(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export default async function bench(): Promise<Figure[]> {
  const alone = Y.encodeStateAsUpdate(generatePlanWithHistory(false));
  const doc = generatePlanWithHistory(true);
  const withVersions = Y.encodeStateAsUpdate(doc);
  const snapshots = planRoots(doc)
    .versions.toArray()
    .reduce((sum, record) => sum + Version.read(record).snapshot.length, 0);
  const kept = keptDeletedText(doc);

  // Decode, alternating so that load on the machine falls on both alike.
  const plain: number[] = [];
  const open: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    plain.push(timed(() => Y.applyUpdate(new Y.Doc(), alone)));
    open.push(
      timed(() => {
        const opened = new Y.Doc();
        keepHistory(opened);
        Y.applyUpdate(opened, withVersions);
      }),
    );
  }

  const oldest = readVersions(doc)[0]!.id;
  // Reading the oldest version into words: straight from the plan's document (readVersion, what
  // History does), against rebuilding it in a second document with Y.createDocFromSnapshot (what
  // it did before), alternating. Neither is cached; the comparison below is the first open.
  const oldestSnapshot = decodeVersionSnapshot(Version.read(planRoots(doc).versions.get(0)).snapshot)!;
  const rebuilt: number[] = [];
  const direct: number[] = [];
  for (let run = 0; run < 3; run++) {
    rebuilt.push(
      timed(() => {
        const scratch = withGcOff(doc, () => Y.createDocFromSnapshot(doc, oldestSnapshot));
        readPlanSnapshot(scratch);
        scratch.destroy();
      }),
    );
    direct.push(timed(() => void readVersion(doc, oldest, readPlanSnapshot)));
  }
  // The first open reads the version; later opens of it reuse its reading (compare-versions.ts).
  const firstCompare = timed(() => void compareWithNow(doc, versionBaseline(doc, oldest)!));
  const compares: number[] = [];
  for (let run = 0; run < RUNS; run++) compares.push(timed(() => void compareWithNow(doc, versionBaseline(doc, oldest)!)));

  let backup = '';
  const backupMs = await timedAsync(async () => void (backup = await writeBackup(doc, { exportedAt: '2026-01-01' })));
  const restores: number[] = [];
  for (let run = 0; run < 3; run++) {
    restores.push(
      await timedAsync(async () => {
        const read = await readBackup(backup);
        if (!read.ok) throw new Error(read.message);
        const restored = new Y.Doc();
        keepHistory(restored);
        Y.applyUpdate(restored, read.backup.state);
      }),
    );
  }

  // What keeping costs: deleted content is kept, as a colleague's version not yet received may show
  // it (keep-history.ts). Measured over one more meeting's edits after the 26th version, then the next.
  const midway = new Y.Doc();
  keepHistory(midway);
  Y.applyUpdate(midway, withVersions);
  changeBetweenMeetings(midway, seededRandom(27), EDITS_BETWEEN_MEETINGS);
  const midwayBytes = Y.encodeStateAsUpdate(midway).length;
  const keptMidway = keptDeletedText(midway).bytes - kept.bytes;
  const saveMs = timed(() => void saveVersion(midway, { name: 'Core group 27 — closed', by: 'Member 1', at: '2025-01-01T10:00:00Z' }));
  const keptAfter = keptDeletedText(midway).bytes - kept.bytes;

  const plainMs = percentile(plain, 50);
  const openMs = percentile(open, 50);
  return [
    { name: 'history: plan alone after a year of edits, stored', value: alone.length / 1024, unit: 'KB', budget: null },
    { name: 'history: plan + 26 versions, stored', value: withVersions.length / 1024, unit: 'KB', budget: null },
    { name: 'history: plan + 26 versions ÷ plan alone', value: withVersions.length / alone.length, unit: '×', budget: 1.3 },
    { name: 'history: the 26 snapshots (state vector + delete set)', value: snapshots / 1024, unit: 'KB', budget: null },
    { name: 'history: deleted text kept because a version shows it', value: kept.bytes / 1024, unit: 'KB', budget: null },
    { name: 'history: deleted text kept between versions (a meeting of edits after the newest version)', value: keptMidway / 1024, unit: 'KB', budget: null },
    { name: 'history: plan + versions + that meeting of edits, stored', value: midwayBytes / 1024, unit: 'KB', budget: null },
    { name: 'history: of it, kept once the next version is saved', value: keptAfter / 1024, unit: 'KB', budget: null },
    { name: 'history: save a version', value: saveMs, unit: 'ms', budget: null },
    { name: 'history: plain Y.applyUpdate of the plan alone (median)', value: plainMs, unit: 'ms', budget: null },
    { name: 'history: decode plan + 26 versions into a history-keeping doc (median)', value: openMs, unit: 'ms', budget: null },
    { name: 'history: decode with versions ÷ plain decode', value: openMs / plainMs, unit: '×', budget: null },
    { name: 'history: read the oldest version by rebuilding it (Y.createDocFromSnapshot, as before; median)', value: percentile(rebuilt, 50), unit: 'ms', budget: null },
    { name: 'history: read the oldest version straight from the plan (readVersion; median)', value: percentile(direct, 50), unit: 'ms', budget: null },
    { name: 'history: open the oldest version and compare with now, first time', value: firstCompare, unit: 'ms', budget: 300 },
    { name: 'history: open it and compare with now again (its reading kept; median)', value: percentile(compares, 50), unit: 'ms', budget: 300 },
    { name: 'history: backup file of plan + 26 versions', value: backup.length / 1024, unit: 'KB', budget: null },
    { name: 'history: write that backup', value: backupMs, unit: 'ms', budget: null },
    { name: 'history: read, check and restore that backup (median)', value: percentile(restores, 50), unit: 'ms', budget: null },
  ];
}
