/**
 * The cost of the one guarded way in (lib/sync/guard), measured beside applying without it in the
 * same run, on the large plan (bench/fixtures/large-plan.ts):
 * - per small update: a colleague's keystroke in the big framework column, applied to a copy of
 *   the plan with `guard.applyRemoteUpdate` and to another copy with `Y.applyUpdate`, alternately;
 * - edit → visible in-process: from the colleague's edit (their transaction and encoding included)
 *   to the text read back from the receiving copy, guarded beside unguarded. Without WebRTC and
 *   rendering this is a fraction of a millisecond, so the ratio here overstates what a member sees;
 *   the guard's added time per keystroke is printed to set beside sync-latency's browser median
 *   (issue 16's ≤ 1.1× is about that end-to-end figure);
 * - a catch-up of the whole plan (about 2 MB) into an empty copy, guarded beside unguarded: the
 *   guard checks a first sync's schema marker in a scratch copy, so this is where it costs most.
 * In-process (no browser, no WebRTC), so the figures are the guard's own cost.
 */
import * as Y from 'yjs';
import { createUpdateGuard } from '../lib/sync/guard/update-guard.ts';
import { richTextFragment } from '../lib/plan/index.ts';
import { BIG_COLUMN, generateLargePlan } from './fixtures/large-plan.ts';
import { percentile, type Figure } from './figure.ts';

const KEYSTROKES = 300;
const CATCH_UPS = 5;

function copyOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

function firstText(doc: Y.Doc): Y.XmlText {
  const paragraph = richTextFragment(doc, BIG_COLUMN).get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

export default async function bench(): Promise<Figure[]> {
  const state = Y.encodeStateAsUpdate(generateLargePlan());
  const author = copyOf(state);
  const guarded = copyOf(state);
  const plain = copyOf(state);
  const guard = createUpdateGuard(guarded);
  const authorText = firstText(author);
  const guardedText = firstText(guarded);
  const plainText = firstText(plain);

  const applyGuarded: number[] = [];
  const applyPlain: number[] = [];
  const visibleGuarded: number[] = [];
  const visiblePlain: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const withGuard = i % 2 === 0;
    const start = performance.now();
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => (update = u);
    author.on('update', capture);
    authorText.insert(0, 'k');
    author.off('update', capture);
    const sent = performance.now();
    if (withGuard) {
      if (guard.applyRemoteUpdate(update!, 'colleague').kind !== 'applied') throw new Error('the guard refused an honest keystroke');
      if (!guardedText.toString().startsWith('k')) throw new Error('not visible');
    } else {
      Y.applyUpdate(plain, update!, 'colleague');
      if (!plainText.toString().startsWith('k')) throw new Error('not visible');
    }
    const end = performance.now();
    (withGuard ? applyGuarded : applyPlain).push(end - sent);
    (withGuard ? visibleGuarded : visiblePlain).push(end - start);
    // The other copy catches up unmeasured, so both stay identical.
    if (withGuard) Y.applyUpdate(plain, update!);
    else Y.applyUpdate(guarded, update!);
  }

  const catchUpGuarded: number[] = [];
  const catchUpPlain: number[] = [];
  for (let i = 0; i < CATCH_UPS; i++) {
    const a = new Y.Doc();
    let start = performance.now();
    if (createUpdateGuard(a).applyRemoteUpdate(state, 'colleague').kind !== 'applied') throw new Error('the guard refused the catch-up');
    catchUpGuarded.push(performance.now() - start);
    a.destroy();
    const b = new Y.Doc();
    start = performance.now();
    Y.applyUpdate(b, state);
    catchUpPlain.push(performance.now() - start);
    b.destroy();
  }

  const median = (s: number[]) => percentile(s, 50);
  return [
    { name: 'guard: one keystroke, guarded apply (median)', value: median(applyGuarded), unit: 'ms', budget: null },
    { name: 'guard: one keystroke, unguarded apply (median)', value: median(applyPlain), unit: 'ms', budget: null },
    { name: 'guard: edit → visible in-process, guarded (median)', value: median(visibleGuarded), unit: 'ms', budget: null },
    { name: 'guard: edit → visible in-process, unguarded (median)', value: median(visiblePlain), unit: 'ms', budget: null },
    { name: 'guard: edit → visible in-process, guarded ÷ unguarded', value: median(visibleGuarded) / median(visiblePlain), unit: '×', budget: null },
    { name: 'guard: time added per keystroke (median guarded − unguarded apply)', value: median(applyGuarded) - median(applyPlain), unit: 'ms', budget: null },
    { name: 'guard: catch-up size', value: state.length / 1024 / 1024, unit: 'MB', budget: null },
    { name: 'guard: catch-up into an empty copy, guarded (median)', value: median(catchUpGuarded), unit: 'ms', budget: null },
    { name: 'guard: catch-up into an empty copy, unguarded (median)', value: median(catchUpPlain), unit: 'ms', budget: null },
  ];
}
