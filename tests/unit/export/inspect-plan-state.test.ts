import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { inspectPlanState } from '../../../lib/export/inspect-plan-state.ts';
import { SCHEMA_VERSION, planRoots } from '../../../lib/plan/index.ts';
import { testingtonPlan } from './plan-fixture.ts';

describe('inspectPlanState', () => {
  it('accepts a whole plan and summarises it for the plan list', () => {
    const { doc } = testingtonPlan();
    expect(inspectPlanState(Y.encodeStateAsUpdate(doc))).toEqual({
      ok: true,
      summary: { schemaVersion: SCHEMA_VERSION, familyName: 'Testington', childNames: ['Ava', 'Leo'], profileId: 'national', division: 'england-and-wales' },
    });
  });

  it('refuses bytes that are not an update', () => {
    expect(inspectPlanState(new Uint8Array([1, 2, 3]))).toEqual({ ok: false, problem: 'damaged' });
    expect(inspectPlanState(new Uint8Array())).toEqual({ ok: false, problem: 'damaged' });
  });

  it('refuses an update that depends on others it does not hold', () => {
    const { doc } = testingtonPlan();
    const before = Y.encodeStateVector(doc);
    planRoots(doc).meta.set('address', '2 Fictional Road');
    expect(inspectPlanState(Y.encodeStateAsUpdate(doc, before))).toEqual({ ok: false, problem: 'damaged' });
  });

  it('refuses a deletion of content the update does not hold', () => {
    const { doc } = testingtonPlan();
    const before = Y.encodeStateVector(doc);
    planRoots(doc).children.delete(0, 1);
    expect(inspectPlanState(Y.encodeStateAsUpdate(doc, before))).toEqual({ ok: false, problem: 'damaged' });
  });

  it.each([
    ['no schema version', undefined],
    ['a schema version of 0', 0],
    ['a schema version as text', '1'],
  ])('refuses a document with %s as not a plan', (_, version) => {
    const doc = new Y.Doc();
    if (version !== undefined) planRoots(doc).meta.set('schemaVersion', version);
    else planRoots(doc).meta.set('familyName', 'Testington');
    expect(inspectPlanState(Y.encodeStateAsUpdate(doc))).toEqual({ ok: false, problem: 'not-a-plan' });
  });

  it('refuses a plan from a newer schema version', () => {
    const doc = new Y.Doc();
    planRoots(doc).meta.set('schemaVersion', SCHEMA_VERSION + 1);
    expect(inspectPlanState(Y.encodeStateAsUpdate(doc))).toEqual({ ok: false, problem: 'newer-schema' });
  });

  it('refuses a document whose roots are of other kinds than a plan’s', () => {
    const doc = new Y.Doc();
    doc.getText('meta').insert(0, 'schemaVersion');
    expect(inspectPlanState(Y.encodeStateAsUpdate(doc))).toEqual({ ok: false, problem: 'not-a-plan' });
  });
});
