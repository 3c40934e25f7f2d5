/**
 * When Firefox's background page pulls the shared plans: at browser start-up (and install), and on
 * an alarm every few minutes. One pull at a time: an alarm while a pull runs is skipped. Registered
 * synchronously at each start of the background page, as for every event that wakes it.
 */
import type { Alarms } from '../platform/alarms.ts';

export const PULL_ALARM = 'shared-plans-pull';
/** Minutes between pulls. */
export const PULL_EVERY_MINUTES = 5;

export interface BackgroundPullDeps {
  alarms: Alarms;
  pull: () => Promise<unknown>;
  onError?: (error: unknown) => void;
}

/** Registers the triggers; returns a function that removes them (for tests). */
export function registerBackgroundPull(deps: BackgroundPullDeps): () => void {
  const onError = deps.onError ?? ((error: unknown) => console.error('The background pull failed', error));
  let pulling = false;
  const pull = () => {
    if (pulling) return;
    pulling = true;
    deps
      .pull()
      .catch(onError)
      .finally(() => (pulling = false));
  };
  void deps.alarms.ensurePeriodic(PULL_ALARM, PULL_EVERY_MINUTES).catch(onError);
  const stops = [
    deps.alarms.onAlarm((name) => {
      if (name === PULL_ALARM) pull();
    }),
    deps.alarms.onBrowserStart(pull),
  ];
  return () => stops.forEach((stop) => stop());
}
