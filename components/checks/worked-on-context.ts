/**
 * Context key under which PlanView gives the open plan's sections a way to say the member asked to
 * agree the plan (lib/checks/worked-on.ts): a refusal shows every section's findings from then on.
 */
import { getContext } from 'svelte';

export const WORKED_ON_CONTEXT = Symbol('plan-worked-on');

export interface WorkedOnContext {
  /** The member asked to agree the plan (or record it circulated) and was refused. */
  showAll(): void;
}

/** The open plan's context, or a no-op outside a plan view (a unit-tested component on its own). */
export function useWorkedOn(): WorkedOnContext {
  return getContext<WorkedOnContext | undefined>(WORKED_ON_CONTEXT) ?? { showAll: () => {} };
}
