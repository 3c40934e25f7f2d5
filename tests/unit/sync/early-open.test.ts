import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openLargePlan } from '../helpers/large-plan.ts';
import { openEarly } from '../../../lib/sync/early-open.ts';
import { openPlanSession, type PlanSession } from '../../../lib/sync/plan-session.ts';
import type { StoredUpdates } from '../../../lib/sync/plan-database.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const PLAN = 'a'.repeat(32);

async function storePlan(text: string): Promise<void> {
  const session = await openPlanSession(PLAN);
  session.doc.getText('t').insert(0, text);
  await session.close();
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name!).sort();
}

describe('openEarly', () => {
  it('starts loading the plan in the address before anyone asks, and hands that session to the first to ask', async () => {
    await storePlan('stored');
    const opened: string[] = [];
    const early = openEarly(PLAN, 'family', (id) => (opened.push(id), openPlanSession(id)));
    await new Promise((r) => setTimeout(r, 20));
    expect(opened).toEqual([PLAN]); // before any take
    const session = await early.take(PLAN)!;
    expect(session.doc.getText('t').toString()).toBe('stored');
    // Only once: a second acquirer opens as usual.
    expect(early.take(PLAN)).toBeUndefined();
    await session.close();
  });

  it('never creates a database for a plan not on this device', async () => {
    const opened: string[] = [];
    const early = openEarly(PLAN, 'family', async (id) => (opened.push(id), null as unknown as PlanSession));
    await new Promise((r) => setTimeout(r, 20));
    expect(opened).toEqual([]);
    expect(await databaseNames()).toEqual([]);
    // Asked for anyway (the view's own check decides): it opens as usual.
    await early.take(PLAN);
    expect(opened).toEqual([PLAN]);
  });

  it('gives nothing for another plan, or when the page was not opened on a plan', async () => {
    await storePlan('stored');
    const early = openEarly(PLAN, 'family');
    expect(early.take('b'.repeat(32))).toBeUndefined();
    expect(openEarly(undefined, 'family').take(PLAN)).toBeUndefined();
    (await early.take(PLAN))!.close();
  });

  it('closes a session nobody takes', async () => {
    await storePlan('stored');
    let closed = 0;
    const early = openEarly(
      PLAN,
      'family',
      async (id) => {
        const session = await openPlanSession(id);
        return { ...session, close: () => (closed++, session.close()) };
      },
      indexedDB,
      30,
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(closed).toBe(1);
    expect(early.take(PLAN)).toBeUndefined();
  });
});

describe('a plan with a kept first screen', () => {
  /** A large plan stored with its first screen kept. */
  async function storeLargePlan(): Promise<void> {
    const { persistence } = await openLargePlan(PLAN, 'Rowan');
    await persistence.destroy(); // closing keeps the first screen
  }

  it('gives the first screen, and loads the plan once it has painted', async () => {
    await storeLargePlan();
    const opened: string[] = [];
    let readAhead: Promise<StoredUpdates | null> | undefined;
    const early = openEarly(
      PLAN,
      'family',
      async (id, options) => (opened.push(id), (readAhead = options?.stored), null as unknown as PlanSession),
      indexedDB,
      10_000,
      10_000,
    );
    const roots = await early.firstScreen(PLAN)!;
    expect(roots).not.toBeNull();
    expect(early.firstScreen(PLAN)).toBeUndefined(); // once: later the page may have changed the plan
    await new Promise((r) => setTimeout(r, 50));
    expect(opened).toEqual([]);
    early.firstScreenShown(PLAN);
    await vi.waitFor(() => expect(opened).toEqual([PLAN]));
    // Its stored updates were read while the first screen painted: only applying them is left.
    expect((await readAhead)?.updates.length).toBeGreaterThan(0);
  });

  it('loads the plan anyway when the first screen never paints', async () => {
    await storeLargePlan();
    const opened: string[] = [];
    openEarly(PLAN, 'family', async (id) => (opened.push(id), null as unknown as PlanSession), indexedDB, 10_000, 60);
    await vi.waitFor(() => expect(opened).toEqual([PLAN]));
  });

  it('does not wait for a section that has no first screen', async () => {
    await storeLargePlan();
    const opened: string[] = [];
    const early = openEarly(PLAN, 'chronology', async (id) => (opened.push(id), null as unknown as PlanSession), indexedDB, 10_000, 10_000);
    expect(await early.firstScreen(PLAN)).toBeNull();
    await vi.waitFor(() => expect(opened).toEqual([PLAN]));
  });
});
