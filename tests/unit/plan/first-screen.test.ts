import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { decodeFirstScreen, encodeFirstScreen, FIRST_SCREEN_ROOTS, isLargePlan, LARGE_PLAN_ITEMS } from '../../../lib/plan/first-screen.ts';
import { addChild, readChildren, readMeta, richTextFragment, setMetaField, planRoots } from '../../../lib/plan/index.ts';

function plan(): Y.Doc {
  const doc = new Y.Doc();
  setMetaField(doc, { field: 'familyName', value: 'Rowan' });
  addChild(doc, { name: 'Pip Rowan' });
  addChild(doc, { name: 'Ash Rowan' });
  const strengths = richTextFragment(doc, 'strengths');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Gran collects the children every Tuesday.')]);
  strengths.insert(0, [paragraph]);
  // History the copy must leave behind: typed and deleted.
  planRoots(doc).chronology.insert(0, [new Y.Map()]);
  planRoots(doc).chronology.delete(0, 1);
  return doc;
}

describe('a large plan’s first screen', () => {
  it('shows the section’s roots as they are, with no history', () => {
    const doc = plan();
    const stored = encodeFirstScreen(doc);
    const family = decodeFirstScreen(stored, 'family')!;
    expect(readMeta(family).familyName).toBe('Rowan');
    expect(readChildren(family).map((c) => c.name)).toEqual(['Pip Rowan', 'Ash Rowan']);
    // Only what the family section reads.
    expect(FIRST_SCREEN_ROOTS.family).not.toContain('text:strengths');
    expect(richTextFragment(family, 'strengths').length).toBe(0);
    const framework = decodeFirstScreen(stored, 'framework')!;
    expect(richTextFragment(framework, 'strengths').toString()).toBe(richTextFragment(doc, 'strengths').toString());
    // Nothing kept for roots no first screen reads (the chronology's history among them).
    expect(Object.keys(stored)).not.toContain('chronology');
  });

  it('has none for a section without one, or when a root is missing or damaged', () => {
    const stored = encodeFirstScreen(plan());
    expect(decodeFirstScreen(stored, 'chronology')).toBeNull();
    const { children: _gone, ...withoutChildren } = stored;
    expect(decodeFirstScreen(withoutChildren, 'family')).toBeNull();
    expect(decodeFirstScreen({ ...stored, meta: new Uint8Array([1, 2, 3]) }, 'family')).toBeNull();
    expect(decodeFirstScreen({ ...stored, meta: 'not an update' }, 'family')).toBeNull();
    expect(decodeFirstScreen(null, 'family')).toBeNull();
    // A copy cut short (a later item without the one it follows) is refused, not shown in part.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, stored.children!);
    const before = Y.encodeStateVector(copy);
    copy.getArray('children').push(['later']);
    expect(decodeFirstScreen({ ...stored, children: Y.encodeStateAsUpdate(copy, before) }, 'family')).toBeNull();
  });

  it('is kept only for plans that load slowly', () => {
    const small = plan();
    expect(isLargePlan(small)).toBe(false);
    const large = new Y.Doc();
    const map = large.getMap('meta');
    for (let i = 0; i < LARGE_PLAN_ITEMS; i++) large.transact(() => map.set(`k${i % 50}`, i));
    expect(isLargePlan(large)).toBe(true);
  });
});
