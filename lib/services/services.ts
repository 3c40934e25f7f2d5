/**
 * What a page's components use of the world outside the plan documents, made once when the page
 * starts (start-services.ts) and handed down through Svelte context (context.ts): the storage
 * area, today, the values kept in storage as reactive state, the plans open on this page, the
 * extension's pages and the background's badge. Components never call `browser.*` themselves.
 */
import type { KeyValueArea } from '../platform/key-value-area.ts';
import type { Clock } from '../platform/clock.ts';
import type { ExtensionPages } from '../platform/extension-pages.ts';
import type { RecheckRequests } from '../platform/badge-refresh.ts';
import type { PlanHolds } from '../platform/plan-holds.ts';
import { createStoredValue, type StoredValue } from '../state/stored-value.svelte.ts';
import { createToday } from '../state/today.ts';
import type { View } from '../state/y-view.ts';
import { clockOverrideSource } from '../settings/clock-override.ts';
import { EMPTY_IDENTITY, identitySource, type Identity } from '../settings/identity.ts';
import { ownProfilesSource } from '../settings/own-profiles.ts';
import { firstRunSource, type FirstRunAnswer } from '../settings/first-run.ts';
import { NO_POLICY, loadConnectionSettings, type ManagedPolicy } from '../settings/managed.ts';
import type { NetworkSettings } from '../settings/network.ts';
import { managedPolicyView, type ManagedPolicyView } from '../state/managed-policy.svelte.ts';
import type { Profile } from '../rules/deadlines/profiles/index.ts';
import { planIndexSource, type PlanSummary } from '../library/plan-index.ts';
import { syncPlanSummary } from '../library/summary-sync.ts';
import { pendingCapturesSource, type PendingCapture } from '../capture/pending-capture.ts';
import type { PlanSession } from '../sync/plan-session.ts';
import { planOpener } from '../library/open-plan.ts';
import type { FirstScreenRoots } from '../plan/first-screen.ts';
import { createPlanSessions, type PlanSessions } from '../sync/plan-sessions.ts';

export interface Services {
  readonly area: KeyValueArea;
  /** Today as this page counts it: the pretend date while one is set; follows midnight. */
  readonly today: View<string>;
  /** The pretend date ("Pretend today is"), undefined while the real date is in use. */
  readonly clockOverride: StoredValue<string | undefined>;
  /** Who the member says they are. */
  readonly identity: StoredValue<Identity>;
  /** Whether the first-run question (who are you?) was answered or skipped on this device. */
  readonly firstRun: StoredValue<FirstRunAnswer | undefined>;
  /** What the organisation set through managed storage (read once, when the page starts; it may answer after the first render). */
  readonly managed: ManagedPolicyView;
  /**
   * The connection settings in use on this device: the member's saved ones under the
   * organisation's, once its policy has been read (so its servers are never bypassed).
   */
  connectionSettings(): Promise<NetworkSettings>;
  /** The member's own timescale profiles, by name. */
  readonly ownProfiles: StoredValue<Profile[]>;
  /** The plans on this device, by family name. */
  readonly library: StoredValue<PlanSummary[]>;
  /** Text captured on other pages, waiting to be added to a plan, oldest first. */
  readonly captures: StoredValue<PendingCapture[]>;
  /** The plans open on this page, shared between the views that use them. */
  readonly plans: PlanSessions;
  readonly pages: ExtensionPages;
  /** Asks the background to count what is due again (the badge). */
  readonly recheck: RecheckRequests;
  /** A large plan's first screen kept on this device, if up to date (lib/plan/first-screen.ts); null otherwise. */
  firstScreen(planId: string, section: string): Promise<FirstScreenRoots | null>;
  /** The plan's first screen has painted (the plan opened with the page waits for that to load). */
  firstScreenShown(planId: string): void;
}

export interface ServiceDependencies {
  area: KeyValueArea;
  clock: Clock;
  pages: ExtensionPages;
  recheck: RecheckRequests;
  /** Calls back when the page may have slept past midnight; returns the unsubscribe. */
  onWake?: (callback: () => void) => () => void;
  openPlan?: (planId: string) => Promise<PlanSession>;
  /** Reads a plan's kept first screen; none when not given. */
  firstScreen?: (planId: string, section: string) => Promise<FirstScreenRoots | null>;
  firstScreenShown?: (planId: string) => void;
  /** Tells the background copies which plans this page has open (it syncs them itself meanwhile). */
  holds?: PlanHolds;
  /** The organisation's settings (lib/settings/managed.ts), or their reading; none when not given. */
  managed?: ManagedPolicy | Promise<ManagedPolicy>;
}

const NO_FIRST_SCREEN = async (): Promise<FirstScreenRoots | null> => null;

export function createServices({ area, clock, pages, recheck, onWake, openPlan = planOpener(area), firstScreen = NO_FIRST_SCREEN, firstScreenShown = () => {}, holds, managed = NO_POLICY }: ServiceDependencies): Services {
  const policy = managedPolicyView(managed);
  const clockOverride = createStoredValue(area, clockOverrideSource, { initial: undefined, what: 'The pretend date' });
  return {
    area,
    today: createToday(clockOverride, clock, onWake),
    clockOverride,
    identity: createStoredValue(area, identitySource, { initial: EMPTY_IDENTITY, what: 'Who you are' }),
    firstRun: createStoredValue(area, firstRunSource, { initial: undefined, what: 'Whether you were asked who you are' }),
    managed: policy,
    connectionSettings: async () => loadConnectionSettings(area, await policy.whenRead),
    ownProfiles: createStoredValue(area, ownProfilesSource, { initial: [], what: 'Your own timescale profiles' }),
    library: createStoredValue(area, planIndexSource, { initial: [], what: 'The list of plans' }),
    captures: createStoredValue(area, pendingCapturesSource, { initial: [], what: 'Text kept for adding to a plan' }),
    // Whoever holds an open plan, its entry in the plan list follows its document, and the
    // background copy of it stands aside while this page has it open.
    plans: createPlanSessions(openPlan, (session) => {
      const letGo = holds?.hold(session.planId);
      const stopSummary = syncPlanSummary(area, session.planId, session.doc);
      return () => {
        stopSummary();
        letGo?.();
      };
    }),
    pages,
    recheck,
    firstScreen,
    firstScreenShown,
  };
}

/** Reads every stored value once, so the first render has them all (the pretend date above all). */
export async function loadStoredValues(services: Services): Promise<void> {
  const { clockOverride, identity, firstRun, ownProfiles, library, captures } = services;
  await Promise.all([clockOverride, identity, firstRun, ownProfiles, library, captures].map((value) => value.load()));
}
