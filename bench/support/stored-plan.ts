/**
 * A member's copy of a plan, read back into Node from the page's IndexedDB (y-indexeddb's `updates`
 * store, lib/sync/persistence.ts), so a benchmark can compare two members' documents exactly and
 * weigh a document in memory. Read once the page says "Saved on this device": the store then holds
 * everything the page's document holds.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import * as Y from 'yjs';
import type { Page } from '@playwright/test';
import { planDatabaseName } from '../../lib/sync/persistence.ts';
import { readablePlan } from '../../lib/export/readable-plan.ts';
import { RICH_TEXT_FIELDS, planRoots, richTextFragment } from '../../lib/plan/index.ts';

/**
 * The page's stored plan `planId` as one Yjs update: the stored updates applied to a document, and
 * that document encoded, so the size is the document's own whether or not y-indexeddb has trimmed
 * its store lately (merging raw stored updates would keep their overlaps).
 */
export async function readStoredUpdate(page: Page, planId: string): Promise<Uint8Array> {
  const stored = await page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const updates = await new Promise<Uint8Array[]>((resolve, reject) => {
        const request = db.transaction(['updates'], 'readonly').objectStore('updates').getAll();
        request.onsuccess = () => resolve(request.result as Uint8Array[]);
        request.onerror = () => reject(request.error);
      });
      // As base64: a page hands back strings cheaply, typed arrays as slow JSON arrays.
      return updates.map((update) => {
        let binary = '';
        for (let i = 0; i < update.length; i += 0x8000) binary += String.fromCharCode(...update.subarray(i, i + 0x8000));
        return btoa(binary);
      });
    } finally {
      db.close();
    }
  }, planDatabaseName(planId));
  const doc = new Y.Doc();
  try {
    for (const b64 of stored) Y.applyUpdate(doc, new Uint8Array(Buffer.from(b64, 'base64')));
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** A Y.Doc holding `update`, with every plan root read as its type (as the app reads them). */
export function docOf(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  planRoots(doc);
  for (const field of RICH_TEXT_FIELDS) richTextFragment(doc, field);
  return doc;
}

/**
 * How two members' documents differ: empty when they have seen the same edits (equal state
 * vectors) and read the same (equal readable plans: every field, live record and rich text).
 */
export function differences(a: Uint8Array, b: Uint8Array): string[] {
  const out: string[] = [];
  const [svA, svB] = [Y.decodeStateVector(Y.encodeStateVectorFromUpdate(a)), Y.decodeStateVector(Y.encodeStateVectorFromUpdate(b))];
  for (const client of new Set([...svA.keys(), ...svB.keys()])) {
    if (svA.get(client) !== svB.get(client)) out.push(`client ${client}: A has ${svA.get(client) ?? 0} edits' worth, B ${svB.get(client) ?? 0}`);
  }
  const [docA, docB] = [docOf(a), docOf(b)];
  try {
    const [planA, planB] = [readablePlan(docA), readablePlan(docB)];
    for (const key of new Set([...Object.keys(planA), ...Object.keys(planB)])) {
      if (JSON.stringify(planA[key]) !== JSON.stringify(planB[key])) out.push(`"${key}" differs`);
    }
  } finally {
    docA.destroy();
    docB.destroy();
  }
  return out;
}

let gc: (() => void) | undefined;

/** Forces full collections in this process (V8's gc, exposed once at first use). */
function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    // Fetched once: every new context is itself garbage that would skew the next reading.
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
  gc();
}

/** Copies loaded at once when weighing a document: a small plan alone is lost in the noise. */
const COPIES = 50;

/**
 * Roughly what `update` weighs as a live Y.Doc in V8: the heap used here with COPIES documents
 * loaded from it, minus before, garbage collected both times, divided by COPIES; median of `runs`.
 * Node and Chromium share V8's object layouts, so this estimates what the document itself takes in
 * a page's heap (not the editors or components showing it).
 */
export function documentHeapBytes(update: Uint8Array, runs = 5): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const docs = Array.from({ length: COPIES }, () => docOf(update));
    collectGarbage();
    samples.push((process.memoryUsage().heapUsed - before) / COPIES);
    for (const doc of docs) doc.destroy();
    // Emptied, not just left: the old array may stay on the stack into the next run's "before".
    docs.length = 0;
  }
  return samples.sort((x, y) => x - y)[Math.floor(samples.length / 2)]!;
}
