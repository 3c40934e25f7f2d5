/**
 * The memory of one page, read through the Chrome DevTools Protocol: the JavaScript heap after
 * forced garbage collection, the DOM counters, and heap snapshots (summarised, see heap-summary.ts).
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { summariseSnapshot, type HeapSummary } from './heap-summary.ts';

export interface PageMemory {
  /** V8's used heap after forced full collections, bytes (Runtime.getHeapUsage usedSize). */
  heapUsedBytes: number;
  /** Live DOM nodes, documents and JS event listeners (Memory.getDOMCounters). */
  domNodes: number;
  documents: number;
  listeners: number;
}

export interface PageMemoryMeter {
  /** Collects garbage until the heap stops shrinking, then reads heap and DOM counters. */
  measure(): Promise<PageMemory>;
  /** Used heap now, without collecting garbage (cheap, noisy): for progress lines. */
  heapNow(): Promise<number>;
  /** Takes a heap snapshot (which collects garbage first) and summarises it. */
  snapshot(): Promise<HeapSummary>;
  detach(): Promise<void>;
}

/** At most this many forced collections per measurement: a bound, not a target. */
const MAX_COLLECTIONS = 6;

export async function meterPage(context: BrowserContext, page: Page): Promise<PageMemoryMeter> {
  const session = await context.newCDPSession(page);
  const usedHeap = async (s: CDPSession) => (await s.send('Runtime.getHeapUsage')).usedSize;
  return {
    async measure() {
      // One collection can leave garbage that only the next finds (weak maps, finalisers, DOM
      // wrappers): collect until the heap no longer shrinks.
      let used = Number.POSITIVE_INFINITY;
      for (let i = 0; i < MAX_COLLECTIONS; i++) {
        await session.send('HeapProfiler.collectGarbage');
        const now = await usedHeap(session);
        if (now >= used) break;
        used = now;
      }
      const counters = await session.send('Memory.getDOMCounters');
      return { heapUsedBytes: used, domNodes: counters.nodes, documents: counters.documents, listeners: counters.jsEventListeners };
    },
    heapNow: () => usedHeap(session),
    async snapshot() {
      const chunks: string[] = [];
      const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
      session.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
      try {
        await session.send('HeapProfiler.enable');
        await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      } finally {
        session.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
        await session.send('HeapProfiler.disable');
      }
      return summariseSnapshot(chunks.join(''));
    },
    detach: () => session.detach(),
  };
}
