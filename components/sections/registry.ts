/**
 * The sections of a plan, in the order the plan reads. The route's section id picks one; the
 * section navigation lists them all.
 */
import type { Component } from 'svelte';
import type { SectionProps } from './section-props.ts';

type SectionModule = { default: Component<SectionProps> };

export interface PlanSection {
  id: string;
  title: string;
  /**
   * Loads the section's component. Sections load on first visit (each is its own chunk), so
   * opening the panel does not pay for the editor, the checks and the print views at once.
   */
  load: () => Promise<SectionModule>;
}

export const PLAN_SECTIONS: readonly PlanSection[] = [
  { id: 'family', title: 'Family and children', load: () => import('./FamilySection.svelte') },
  { id: 'due', title: 'What’s due', load: () => import('../due/DueSection.svelte') },
  { id: 'meeting', title: 'Live meeting', load: () => import('./ChairSection.svelte') },
  { id: 'framework', title: 'Strengthening Families', load: () => import('./FrameworkSection.svelte') },
  { id: 'outcomes', title: 'Outcomes and actions', load: () => import('./OutcomesSection.svelte') },
  { id: 'contingency', title: 'Contingency and contact', load: () => import('./ContingencySection.svelte') },
  { id: 'core-group', title: 'Core group', load: () => import('./CoreGroupSection.svelte') },
  { id: 'meetings', title: 'Meetings', load: () => import('./MeetingsSection.svelte') },
  { id: 'reports', title: 'Agency reports', load: () => import('./ReportsSection.svelte') },
  { id: 'chronology', title: 'Chronology', load: () => import('./ChronologySection.svelte') },
  { id: 'history', title: 'History', load: () => import('../history/HistorySection.svelte') },
  { id: 'print', title: 'Print and backup', load: () => import('../backup/PrintAndBackupSection.svelte') },
];

/** The section for a route's section id; the first section when the id is empty or unknown. */
export function sectionFor(id: string): PlanSection {
  return PLAN_SECTIONS.find((s) => s.id === id) ?? PLAN_SECTIONS[0]!;
}
