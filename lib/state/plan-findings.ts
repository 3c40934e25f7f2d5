/**
 * The plan's findings as a reactive value for the editor: `current` is `checkPlanDoc` over the
 * document, recomputed once the plan has not changed for `delayMs` (300 ms: a pause in typing), and
 * at most every FINDINGS_MAX_WAIT_MS while typing goes on without one. Checking the whole plan
 * takes tens of milliseconds on a large plan (hundreds on a busy machine): run every 300 ms while
 * someone types into a checked field, it lands in a keystroke's frame every few keys; in a pause it
 * holds nobody up.
 *
 * Like `yView`, it observes the document only while some effect reads `current` (Svelte's
 * createSubscriber) and unobserves when nobody does. The findings are derived data computed from
 * the Y.Doc, never a copy of it: nothing is written back.
 */
import { createSubscriber } from 'svelte/reactivity';
import { checkPlanDoc } from '../checks/check-plan-doc.ts';
import { checkedTypes } from '../checks/plan-for-checks.ts';
import type { Finding } from '../rules/checks/findings.ts';
import type * as Y from 'yjs';

/** How long a pause after a change brings the findings up to date: short enough to feel live, long enough to skip keystrokes. */
export const FINDINGS_DELAY_MS = 300;
/** While typing goes on with no such pause, findings still follow this often. */
export const FINDINGS_MAX_WAIT_MS = 2000;

export interface PlanFindings {
  /** The findings, at most `delayMs` behind the document while read in an effect; fresh when read outside one. */
  readonly current: Finding[];
  /** The findings for the document as it is this instant (for a decision, such as refusing "agreed"). */
  now(): Finding[];
}

// One PlanFindings per document and day, shared by every view of the plan (the section navigation,
// the open section, the status control): the checks take tens of milliseconds on a large plan, so
// each view running its own would multiply the work done while someone types. A WeakMap, so a
// closed plan's document and its findings are collected together.
const shared = new WeakMap<Y.Doc, Map<string, PlanFindings>>();

/**
 * The findings for the plan in `doc` on `today` (yyyy-MM-dd, read once by the page), shared with
 * every other caller for the same document and day (and delay).
 */
export function planFindings(doc: Y.Doc, today: string, delayMs = FINDINGS_DELAY_MS, maxWaitMs = Math.max(delayMs, FINDINGS_MAX_WAIT_MS)): PlanFindings {
  const forDoc = shared.get(doc) ?? new Map<string, PlanFindings>();
  shared.set(doc, forDoc);
  const key = `${today}/${delayMs}/${maxWaitMs}`;
  let findings = forDoc.get(key);
  if (!findings) {
    findings = createPlanFindings(doc, today, delayMs, maxWaitMs);
    forDoc.set(key, findings);
  }
  return findings;
}

function createPlanFindings(doc: Y.Doc, today: string, delayMs: number, maxWaitMs: number): PlanFindings {
  const now = () => checkPlanDoc(doc, today);
  let cached: Finding[] | null = null;
  let observing = false;
  // The first check waits until the plan has painted: findings are advice beside the fields and
  // must never hold up opening a large plan (bench/cold-open). Gates call `now()` instead.
  let ready = false;

  const subscribe = createSubscriber((update) => {
    observing = true;
    ready = false;
    const first = afterPaint(() => {
      ready = true;
      cached = null;
      update();
    });
    // A pause: restarted by each change. The longest wait: started by the first change not yet checked.
    let pause: ReturnType<typeof setTimeout> | undefined;
    let longest: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(pause);
      clearTimeout(longest);
      pause = longest = undefined;
      cached = null;
      update();
    };
    const onChange = () => {
      clearTimeout(pause);
      pause = setTimeout(refresh, delayMs);
      longest ??= setTimeout(refresh, maxWaitMs);
    };
    const types = checkedTypes(doc);
    for (const type of types) type.observeDeep(onChange);
    return () => {
      first();
      clearTimeout(pause);
      clearTimeout(longest);
      pause = longest = undefined;
      for (const type of types) type.unobserveDeep(onChange);
      observing = false;
      ready = false;
      cached = null;
    };
  });

  return {
    get current() {
      subscribe();
      // Unobserved, a cached value could be any age: compute afresh.
      if (!observing) return now();
      if (!ready) return [];
      return (cached ??= now());
    },
    now,
  };
}

/**
 * Runs `fn` once the next frame has painted (in a browser: the frame's callbacks, then a task), so
 * a large plan's first paint never waits for its checks; returns the cancel. Without frames (unit
 * tests in Node), after the current task.
 */
function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(fn, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
