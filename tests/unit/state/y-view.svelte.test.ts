import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import * as Y from 'yjs';
import { yView } from '../../../lib/state/y-view.ts';

/** Counts observers on a Y type through Yjs's own handler list. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const observerCount = (type: Y.AbstractType<any>) => type._dEH.l.length;

describe('yView', () => {
  it('re-reads the document in an effect whenever the observed type changes', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<string>('meta');
    const view = yView(map, () => map.get('familyName') ?? '');
    const seen: string[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(view.current);
      });
    });
    flushSync();
    map.set('familyName', 'Testington');
    flushSync();
    map.set('familyName', 'Testington-Jones');
    flushSync();
    expect(seen).toEqual(['', 'Testington', 'Testington-Jones']);
    stop();
  });

  it('observes only while something reads it, and unobserves when the reader goes', async () => {
    const doc = new Y.Doc();
    const list = doc.getArray<Y.Map<unknown>>('children');
    const view = yView(list, () => list.length);
    expect(observerCount(list)).toBe(0);
    const stop = $effect.root(() => {
      $effect(() => {
        void view.current;
      });
    });
    flushSync();
    expect(observerCount(list)).toBe(1);
    stop();
    await Promise.resolve(); // createSubscriber tears down in a microtask
    expect(observerCount(list)).toBe(0);
  });

  it('sees changes deep inside records (a field of a child in the list)', () => {
    const doc = new Y.Doc();
    const list = doc.getArray<Y.Map<unknown>>('children');
    const child = new Y.Map<unknown>();
    list.push([child]);
    const view = yView(list, () => list.get(0).get('name'));
    const seen: unknown[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(view.current);
      });
    });
    flushSync();
    list.get(0).set('name', 'Ava');
    flushSync();
    expect(seen).toEqual([undefined, 'Ava']);
    stop();
  });
});
