/**
 * The deadline prompt after a background catch-up: a member joined a shared plan and never opened
 * the panel again; a colleague adds actions; the background copy receives them (through the plan's
 * update guard, saved in this device's IndexedDB, as in the offscreen document), asks for a recount,
 * and the usual prompt follows: counts only, no names. Real sessions over fake-indexeddb; only the
 * network is replaced, by the colleague's update arriving when the plan is shared.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { keepBackgroundCopies } from '../../../lib/background/background-copies.ts';
import type { BackgroundSession } from '../../../lib/background/shared-plans.ts';
import { joinPlan } from '../../../lib/library/plan-actions.ts';
import { createInviteSecret } from '../../../lib/sync/invite.ts';
import { openPlanSession } from '../../../lib/sync/plan-session.ts';
import { DEFAULT_NETWORK } from '../../../lib/settings/network.ts';
import { recheckDeadlines } from '../../../lib/due/recheck-deadlines.ts';
import type { Notifier } from '../../../lib/platform/notifications.ts';
import { memoryArea } from '../helpers/memory-area.ts';
import { addAction, newPlan } from '../due/plan-fixtures.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('a background catch-up', () => {
  it('raises the usual deadline prompt for a colleague’s new action, with the panel never opened, and without names', async () => {
    const area = memoryArea();
    const { planId } = await joinPlan(area, createInviteSecret(), '2026-03-02');

    // The colleague's copy: the plan, with one action due today and one due tomorrow.
    const colleague = newPlan({ familyName: 'Testington', children: [{ name: 'Ava', dob: '2019-03-14' }] });
    addAction(colleague, { description: 'Health visitor visits Ava at home', dueDate: '2026-03-20' });
    addAction(colleague, { description: 'School nurse sees Ava', dueDate: '2026-03-21' });

    // A real session; sharing it brings the colleague's copy through the guard, as a peer would.
    const open = async (id: string): Promise<BackgroundSession> => {
      const session = await openPlanSession(id);
      return {
        planId: session.planId,
        doc: session.doc,
        persistence: session.persistence,
        get peers() {
          return session.peers;
        },
        get relay() {
          return session.relay;
        },
        async share() {
          session.guard.applyRemoteUpdate(Y.encodeStateAsUpdate(colleague), { source: 'test-peer' });
          return { peers: null, relay: null };
        },
        close: () => session.close(),
      };
    };

    const notices: string[] = [];
    const shown: string[] = [];
    const notifier: Notifier = { notify: async (_id, title, message) => void notices.push(`${title}: ${message}`), clear: async () => {}, onClicked: () => () => {} };
    const badge = { show: async (text: string, title: string) => void shown.push(text, title) };
    // What the check keeps between runs is kept here too: the catch-up must be seen through it.
    const kept = memoryArea();
    const check = (now: Date) => recheckDeadlines({ area, kept, badge, notifier, now });
    const recheck = vi.fn(() => void check(new Date(2026, 2, 20, 9)));

    const copies = keepBackgroundCopies({ area, holds: { hold: () => () => {}, held: async () => new Set() }, open, network: async () => DEFAULT_NETWORK, recheck, settleMs: 20, pollMs: 60_000, graceMs: 0 });
    await vi.waitFor(() => expect(notices).toEqual(['Core group plans: 1 item due today in 1 plan']), { timeout: 5000 });

    // Tomorrow's daily check (the copy is saved on the device) prompts again for the other action.
    await copies.stop();
    const tomorrow = await check(new Date(2026, 2, 21, 0, 1));
    expect(tomorrow.counts).toEqual({ overdue: 1, dueToday: 1, plans: 1 });
    expect(recheck).toHaveBeenCalledOnce();
    expect(notices).toHaveLength(2);
    for (const text of [...notices, ...shown]) expect(text).not.toMatch(/Testington|Ava|Health visitor|School nurse/);
    expect(planId).toMatch(/^[0-9a-f]{32}$/);
  });
});
