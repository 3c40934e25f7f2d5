/**
 * The sections of a plan, in the order the plan reads (the ids and their order are the route's:
 * lib/state/route.ts). The route's section id picks one; the section navigation lists them all.
 */
import type { Component } from 'svelte';
import { SECTION_IDS, type SectionId } from '../../lib/state/route.ts';
import type { SectionProps } from './section-props.ts';

type SectionModule = { default: Component<SectionProps> };

export interface PlanSection {
  id: SectionId;
  title: string;
  /**
   * Loads the section's component. Sections load on first visit (each is its own chunk), so
   * opening the panel does not pay for the editor, the checks and the print views at once.
   */
  load: () => Promise<SectionModule>;
}

const SECTIONS: Readonly<Record<SectionId, Omit<PlanSection, 'id'>>> = {
  family: { title: 'Family and children', load: () => import('./FamilySection.svelte') },
  due: { title: 'What’s due', load: () => import('../due/DueSection.svelte') },
  meeting: { title: 'Live meeting', load: () => import('./ChairSection.svelte') },
  framework: { title: 'Strengthening Families', load: () => import('./FrameworkSection.svelte') },
  outcomes: { title: 'Outcomes and actions', load: () => import('./OutcomesSection.svelte') },
  contingency: { title: 'Contingency and contact', load: () => import('./ContingencySection.svelte') },
  'core-group': { title: 'Core group', load: () => import('./CoreGroupSection.svelte') },
  meetings: { title: 'Meetings', load: () => import('./MeetingsSection.svelte') },
  reports: { title: 'Agency reports', load: () => import('./ReportsSection.svelte') },
  chronology: { title: 'Chronology', load: () => import('./ChronologySection.svelte') },
  history: { title: 'History', load: () => import('../history/HistorySection.svelte') },
  print: { title: 'Print and backup', load: () => import('../backup/PrintAndBackupSection.svelte') },
};

export const PLAN_SECTIONS: readonly PlanSection[] = SECTION_IDS.map((id) => ({ id, ...SECTIONS[id] }));

/** The section for a route's section id; the first section when the id is empty or unknown. */
export function sectionFor(id: string): PlanSection {
  return PLAN_SECTIONS.find((s) => s.id === id) ?? PLAN_SECTIONS[0]!;
}
