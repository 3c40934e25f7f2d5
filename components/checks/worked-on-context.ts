/**
 * Context key under which PlanView tells the open plan's sections whether to show their findings
 * (lib/checks/worked-on.ts: only once the member has worked on the section, or asked to agree), and
 * gives them a way to say the member asked to agree the plan: a refusal shows every section's
 * findings from then on.
 */
import { getContext } from 'svelte';
import type * as Y from 'yjs';
import { planFindings } from '../../lib/state/plan-findings.ts';
import type { Finding } from '../../lib/rules/checks/findings.ts';

export const WORKED_ON_CONTEXT = Symbol('plan-worked-on');

export interface WorkedOnContext {
  /** Whether `section`'s findings are shown (reactive: read it in a template or $derived). */
  shows(section: string): boolean;
  /** The member asked to agree the plan (or record it circulated) and was refused. */
  showAll(): void;
}

/** The open plan's context; outside a plan view (a component tested on its own) every finding shows. */
export function useWorkedOn(): WorkedOnContext {
  return getContext<WorkedOnContext | undefined>(WORKED_ON_CONTEXT) ?? { shows: () => true, showAll: () => {} };
}

/**
 * The plan's findings for a section's view: all of them once the section's findings show, none
 * before (the checks are then not even read). Call it inside $derived, so it follows both.
 */
export function findingsToShow(workedOn: WorkedOnContext, section: string, doc: Y.Doc, today: string): readonly Finding[] {
  return workedOn.shows(section) ? planFindings(doc, today).current : [];
}
