/**
 * The background's deadline check (lib/due/urgent-across-plans.ts) over a caseload of 10 plans,
 * two of them the large fixture plan (2 MB each), stored in IndexedDB as the extension stores them
 * (fake-indexeddb in Node: the figures compare the checks with each other, not with a browser).
 * First check (every plan read), then again with nothing changed (only stored versions read), then
 * after one small plan changed (that plan read), and the same caseload read in full each time as
 * before. The check runs on each change to the plan list and whenever a page's plan changed.
 */
import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { putPlanSummary } from '../lib/library/plan-index.ts';
import { readChildren, readMeta } from '../lib/plan/index.ts';
import { planDatabaseName } from '../lib/sync/persistence.ts';
import { urgentAcrossPlans } from '../lib/due/urgent-across-plans.ts';
import { computeDueAcrossPlans } from '../lib/due/due-across-plans.ts';
import { memoryArea } from '../tests/unit/helpers/memory-area.ts';
import { addAction, addMeeting, newPlan } from '../tests/unit/due/plan-fixtures.ts';
import { generateLargePlan } from './fixtures/large-plan.ts';
import { percentile, type Figure } from './figure.ts';

const SMALL = 8;
const RUNS = 7;
const TODAY = '2026-06-01';

function open(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('updates', { autoIncrement: true });
      request.result.createObjectStore('custom');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function storeUpdate(planId: string, update: Uint8Array): Promise<void> {
  const db = await open(planDatabaseName(planId));
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['updates'], 'readwrite');
    tx.objectStore('updates').add(update);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export default async function (): Promise<Figure[]> {
  const area = memoryArea();
  const kept = memoryArea();
  const large = Y.encodeStateAsUpdate(generateLargePlan());
  const smalls: { id: string; doc: Y.Doc }[] = [];
  for (let i = 0; i < 2 + SMALL; i++) {
    const id = i.toString(16).padStart(32, '0');
    const doc = i < 2 ? new Y.Doc() : newPlan({ familyName: `Family ${i}`, children: [{ name: `Child ${i}`, dob: '2019-03-14' }] });
    if (i < 2) Y.applyUpdate(doc, large);
    else {
      addMeeting(doc, 'icpc', '2026-04-20');
      addAction(doc, { description: `Visit ${i}`, dueDate: '2026-06-01' });
      smalls.push({ id, doc });
    }
    await storeUpdate(id, i < 2 ? large : Y.encodeStateAsUpdate(doc));
    const meta = readMeta(doc);
    await putPlanSummary(area, { id, familyName: meta.familyName, childNames: readChildren(doc).map((c) => c.name), profileId: meta.profileId, division: meta.division, createdAt: meta.createdAt });
  }
  const check = () => urgentAcrossPlans(area, { today: TODAY, kept });

  const first = await time(check);
  const unchanged: number[] = [];
  const oneChanged: number[] = [];
  const everyPlan: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    unchanged.push(await time(check));
    const { id, doc } = smalls[run % smalls.length]!;
    const before = Y.encodeStateVector(doc);
    addAction(doc, { description: `Another visit ${run}`, dueDate: '2026-07-01' });
    await storeUpdate(id, Y.encodeStateAsUpdate(doc, before));
    oneChanged.push(await time(check));
    everyPlan.push(await time(() => computeDueAcrossPlans(area, { today: TODAY })));
  }
  const name = `background deadline check, ${2 + SMALL} plans (2 large)`;
  return [
    { name: `${name}: first check`, value: first, unit: 'ms', budget: null },
    { name: `${name}: again, nothing changed (median)`, value: percentile(unchanged, 50), unit: 'ms', budget: null },
    { name: `${name}: after one small plan changed (median)`, value: percentile(oneChanged, 50), unit: 'ms', budget: null },
    { name: `${name}: every plan read, as before (median)`, value: percentile(everyPlan, 50), unit: 'ms', budget: null },
  ];
}
