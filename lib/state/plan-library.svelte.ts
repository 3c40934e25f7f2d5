/**
 * The list of plans on this device as reactive state. Storage is asynchronous, so the list is
 * loaded into $state and reloaded whenever any page changes the index; it is not CRDT data.
 */
import { createSubscriber } from 'svelte/reactivity';
import { listPlans, touchesPlanIndex, type PlanSummary } from '../library/plan-index.ts';
import type { KeyValueArea } from '../platform/key-value-area.ts';

export class PlanLibrary {
  #plans = $state<PlanSummary[] | null>(null);
  #error = $state('');
  #subscribe;

  constructor(area: KeyValueArea) {
    const reload = () =>
      listPlans(area).then(
        (plans) => {
          this.#plans = plans;
          this.#error = '';
        },
        (error: unknown) => {
          this.#error = `The list of plans could not be read from this device (${error instanceof Error ? error.message : String(error)}).`;
        },
      );
    this.#subscribe = createSubscriber(() => {
      void reload();
      return area.onChanged((changes) => {
        if (touchesPlanIndex(changes)) void reload();
      });
    });
  }

  /** The plans, or null while loading. */
  get plans(): PlanSummary[] | null {
    this.#subscribe();
    return this.#plans;
  }

  get error(): string {
    this.#subscribe();
    return this.#error;
  }
}
