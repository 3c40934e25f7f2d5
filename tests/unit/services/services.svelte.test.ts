import { describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import * as Y from 'yjs';
import { createServices, loadStoredValues } from '../../../lib/services/services.ts';
import { saveClockOverride, clearClockOverride } from '../../../lib/settings/clock-override.ts';
import { saveIdentity } from '../../../lib/settings/identity.ts';
import { putPlanSummary } from '../../../lib/library/plan-index.ts';
import { nextMidnight, type Clock } from '../../../lib/platform/clock.ts';
import type { PlanSession } from '../../../lib/sync/plan-session.ts';
import type { PlanHolds } from '../../../lib/platform/plan-holds.ts';
import { memoryArea } from '../helpers/memory-area.ts';
import type { ManagedPolicy } from '../../../lib/settings/managed.ts';

const clockAt = (now: Date): Clock => ({ now: () => now, after: () => () => {} });

function servicesOver(area: ReturnType<typeof memoryArea>, clock: Clock = clockAt(new Date(2026, 10, 22, 9, 0)), holds?: PlanHolds) {
  const opened: string[] = [];
  const services = createServices({
    holds,
    area,
    clock,
    pages: { url: (hash) => `chrome-extension://x/plan.html${hash}`, open: async () => {} },
    recheck: { request: async () => {}, onRequest: () => () => {} },
    openPlan: async (planId) => {
      opened.push(planId);
      return { planId, doc: new Y.Doc(), close: async () => {} } as unknown as PlanSession;
    },
  });
  return { services, opened };
}

describe('createServices', () => {
  it('reads every stored value before the first render', async () => {
    const area = memoryArea();
    await saveClockOverride(area, '2026-06-01');
    await saveIdentity(area, { name: 'Sam Okafor', agency: 'Health', role: 'Health visitor' });
    await putPlanSummary(area, { id: 'a'.repeat(32), familyName: 'Brightwater', childNames: [], profileId: 'england-national', division: 'england-and-wales', createdAt: '2026-11-01' });
    const { services } = servicesOver(area);
    await loadStoredValues(services);
    expect(services.clockOverride.current).toBe('2026-06-01');
    expect(services.today.current).toBe('2026-06-01');
    expect(services.identity.current.name).toBe('Sam Okafor');
    expect(services.library.current.map((p) => p.familyName)).toEqual(['Brightwater']);
    expect([services.ownProfiles, services.captures, services.firstRun].every((v) => v.loaded)).toBe(true);
    expect(services.firstRun.current).toBeUndefined();
    expect(services.managed.current).toEqual({ settings: {}, ignored: [] });
    expect(services.managed.known).toBe(true);
  });

  it('gives the connection settings only once the organisation’s policy has answered, under it', async () => {
    const area = memoryArea();
    let answer!: (policy: ManagedPolicy) => void;
    const services = createServices({
      area,
      clock: clockAt(new Date(2026, 10, 22, 9, 0)),
      pages: { url: (hash) => hash, open: async () => {} },
      recheck: { request: async () => {}, onRequest: () => () => {} },
      managed: new Promise<ManagedPolicy>((resolve) => (answer = resolve)),
    });
    let settings: Awaited<ReturnType<typeof services.connectionSettings>> | undefined;
    void services.connectionSettings().then((s) => (settings = s));
    await new Promise((r) => setTimeout(r, 20));
    expect(settings).toBeUndefined();
    answer({ settings: { relay: 'wss://relay.example.org', relayOnly: true }, ignored: [] });
    await vi.waitFor(() => expect(settings).toMatchObject({ relay: 'wss://relay.example.org', relayOnly: true }));
  });

  it('re-renders views with the new today when any page sets or clears the pretend date', async () => {
    const area = memoryArea();
    const { services } = servicesOver(area);
    await loadStoredValues(services);
    const seen: string[] = [];
    const stop = $effect.root(() => {
      const today = $derived(services.today.current);
      $effect(() => void seen.push(today));
    });
    flushSync();
    await saveClockOverride(area, '2026-06-01');
    await vi.waitFor(() => {
      flushSync();
      expect(seen.at(-1)).toBe('2026-06-01');
    });
    await clearClockOverride(area);
    await vi.waitFor(() => {
      flushSync();
      expect(seen.at(-1)).toBe('2026-11-22');
    });
    expect(seen).toEqual(['2026-11-22', '2026-06-01', '2026-11-22']);
    stop();
  });

  it('re-renders views at local midnight', () => {
    let now = new Date(2026, 10, 22, 23, 0);
    let fire = () => {};
    const clock: Clock = {
      now: () => now,
      after: (ms, callback) => {
        expect(now.getTime() + ms).toBe(nextMidnight(now).getTime());
        fire = callback;
        return () => {};
      },
    };
    const { services } = servicesOver(memoryArea(), clock);
    const seen: string[] = [];
    const stop = $effect.root(() => {
      const today = $derived(services.today.current);
      $effect(() => void seen.push(today));
    });
    flushSync();
    now = new Date(2026, 10, 23, 0, 0);
    fire();
    flushSync();
    expect(seen).toEqual(['2026-11-22', '2026-11-23']);
    stop();
  });

  it('opens each plan once for the whole page', async () => {
    const { services, opened } = servicesOver(memoryArea());
    const [a, b] = await Promise.all([services.plans.acquire('p1'), services.plans.acquire('p1')]);
    expect(a.session).toBe(b.session);
    expect(opened).toEqual(['p1']);
    a.release();
    b.release();
  });

  it('holds a plan open for the background copies while any view of the page has it, and lets go after the last', async () => {
    const held: string[] = [];
    const holds: PlanHolds = { hold: (id) => (held.push(id), () => void held.splice(held.indexOf(id), 1)), held: async () => new Set(held) };
    const { services } = servicesOver(memoryArea(), undefined, holds);
    const id = 'a'.repeat(32);
    const first = await services.plans.acquire(id);
    const second = await services.plans.acquire(id);
    expect(held).toEqual([id]);
    first.release();
    expect(held).toEqual([id]);
    second.release();
    expect(held).toEqual([]);
  });
});
