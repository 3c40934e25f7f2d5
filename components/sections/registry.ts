/**
 * The sections of a plan, in the order the plan reads. The route's section id picks one; the
 * section navigation lists them all.
 */
import type { Component } from 'svelte';
import type { SectionProps } from './section-props.ts';
import FamilySection from './FamilySection.svelte';
import FrameworkSection from './FrameworkSection.svelte';
import OutcomesSection from './OutcomesSection.svelte';
import ContingencySection from './ContingencySection.svelte';
import CoreGroupSection from './CoreGroupSection.svelte';
import MeetingsSection from './MeetingsSection.svelte';
import ReportsSection from './ReportsSection.svelte';
import ChronologySection from './ChronologySection.svelte';

export interface PlanSection {
  id: string;
  title: string;
  component: Component<SectionProps>;
}

export const PLAN_SECTIONS: readonly PlanSection[] = [
  { id: 'family', title: 'Family and children', component: FamilySection },
  { id: 'framework', title: 'Strengthening Families', component: FrameworkSection },
  { id: 'outcomes', title: 'Outcomes and actions', component: OutcomesSection },
  { id: 'contingency', title: 'Contingency and contact', component: ContingencySection },
  { id: 'core-group', title: 'Core group', component: CoreGroupSection },
  { id: 'meetings', title: 'Meetings', component: MeetingsSection },
  { id: 'reports', title: 'Agency reports', component: ReportsSection },
  { id: 'chronology', title: 'Chronology', component: ChronologySection },
];

/** The section for a route's section id; the first section when the id is empty or unknown. */
export function sectionFor(id: string): PlanSection {
  return PLAN_SECTIONS.find((s) => s.id === id) ?? PLAN_SECTIONS[0]!;
}
