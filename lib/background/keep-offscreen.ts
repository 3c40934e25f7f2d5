/**
 * Chrome's service worker keeps the offscreen document (the background copies) open while any
 * plan on this device is shared, and closed when none is. It looks when the worker starts, when the
 * browser starts or the extension is installed, when the plan list changes, and on an alarm every
 * half minute, which opens it again if Chrome or anything else closed it. The worker keeps nothing
 * between events; checks in one worker's life run one after another, as Chrome allows only one
 * offscreen document. The document has no storage API: the worker reads the plan list and the
 * connection settings for it, and writes the plan list's entries.
 */
import type { Alarms } from '../platform/alarms.ts';
import type { KeyValueArea } from '../platform/key-value-area.ts';
import type { OffscreenHost } from '../platform/offscreen.ts';
import { touchesPlanIndex } from '../library/plan-index.ts';
import { relayAreaToOffscreen, type RelayedKeys } from '../platform/relayed-area.ts';
import { sharedPlans } from './shared-plans.ts';
import { BACKGROUND_COPIES_KEYS } from './copies-storage.ts';

export const KEEP_ALARM = 'background-copies';
/** Chrome's shortest alarm period. */
export const KEEP_EVERY_MINUTES = 0.5;

export interface KeepOffscreenDeps {
  alarms: Alarms;
  area: KeyValueArea;
  offscreen: OffscreenHost;
  /** Serves the offscreen document's reads of storage (it has no storage API of its own). */
  relay?: (area: KeyValueArea, keys: RelayedKeys) => () => void;
  onError?: (error: unknown) => void;
}

/** Registers the triggers and looks once; returns a function that removes them (for tests) and the look itself. */
export function keepOffscreenDocument(deps: KeepOffscreenDeps): { ensure: () => Promise<void>; stop: () => void } {
  const onError = deps.onError ?? ((error: unknown) => console.error('The background copies could not be started', error));
  let last: Promise<void> = Promise.resolve();
  const look = async () => {
    const [wanted, open] = await Promise.all([sharedPlans(deps.area).then((plans) => plans.length > 0), deps.offscreen.isOpen()]);
    if (wanted && !open) await deps.offscreen.open();
    else if (!wanted && open) await deps.offscreen.close();
  };
  const ensure = () => (last = last.then(look).catch(onError));
  void deps.alarms.ensurePeriodic(KEEP_ALARM, KEEP_EVERY_MINUTES).catch(onError);
  const relay = deps.relay ?? relayAreaToOffscreen;
  const stops = [
    relay(deps.area, BACKGROUND_COPIES_KEYS),
    deps.alarms.onAlarm((name) => {
      if (name === KEEP_ALARM) void ensure();
    }),
    deps.alarms.onBrowserStart(() => void ensure()),
    deps.area.onChanged((changes) => {
      if (touchesPlanIndex(changes)) void ensure();
    }),
  ];
  void ensure();
  return { ensure, stop: () => stops.forEach((stop) => stop()) };
}
