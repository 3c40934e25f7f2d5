import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migratePlan, planRoots } from '../../../lib/plan/index.ts';

function docAt(version?: number) {
  const doc = new Y.Doc();
  if (version !== undefined) planRoots(doc).meta.set('schemaVersion', version);
  return doc;
}

describe('migratePlan', () => {
  it('writes nothing to a plan that has not arrived yet (joined, no peer met)', () => {
    const doc = docAt();
    let updates = 0;
    doc.on('update', () => updates++);
    expect(migratePlan(doc)).toBe('empty');
    expect(updates).toBe(0);
  });

  it('runs each step from the stored version to the target once, in order, then records the target', () => {
    const doc = docAt(1);
    const ran: number[] = [];
    const steps = { 1: () => ran.push(1), 2: () => ran.push(2) };
    expect(migratePlan(doc, steps, 3)).toBe('migrated');
    expect(ran).toEqual([1, 2]);
    expect(planRoots(doc).meta.get('schemaVersion')).toBe(3);
    expect(migratePlan(doc, steps, 3)).toBe('current');
    expect(ran).toEqual([1, 2]);
  });

  it('leaves a plan from a newer version untouched', () => {
    const doc = docAt(9);
    expect(migratePlan(doc, {}, 1)).toBe('newer');
    expect(planRoots(doc).meta.get('schemaVersion')).toBe(9);
  });

  it('throws at once when a step is missing: a programming error, not user input', () => {
    expect(() => migratePlan(docAt(1), {}, 2)).toThrow(/no migration from schema version 1/);
  });
});
