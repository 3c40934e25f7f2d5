/**
 * Agenda templates by kind of meeting. A chair starts a meeting and gets its agenda, each item with
 * the prompts the documents give and the plan section it is about (so members can jump there);
 * the chair can then add and reorder items.
 *
 * Sources: the core group standing agenda is seed 002 ("Standing Agenda Items"); the conference
 * agenda is Wirral 2016 standard 3.9 ("All Conferences within Wirral will follow a set format") and
 * seed 001 ("The role of the child protection chair"); the strategy discussion is Wirral 2.5.
 */
import type { MeetingKind } from '../plan/records/meetings.ts';

export interface AgendaTemplateItem {
  title: string;
  /** What the chair asks; shown to everyone under the current item. */
  prompts: string[];
  /** The plan section the item is about (an id from components/sections/registry.ts), or ''. */
  section: string;
}

export type ChairedMeetingKind = Exclude<MeetingKind, 'visit'>;

const CORE_GROUP: AgendaTemplateItem[] = [
  {
    title: 'Significant events since the last meeting',
    prompts: ['The voice of the child: what have they said, and how are they?', 'How are the parents or carers engaging with the plan?'],
    section: 'framework',
  },
  {
    title: 'Progress against the plan’s outcomes',
    prompts: [
      'Are there any court orders that need to be taken into account?',
      'Does the contingency plan need to be amended or invoked?',
      'If progress is too slow: has longer-term (permanency) planning for the child been considered?',
    ],
    section: 'outcomes',
  },
  {
    title: 'Current strengths, protective factors, concerns and risks',
    prompts: ['What is working well?', 'What are we worried about now?', 'Scaling: where is each of us, 0 to 10?'],
    section: 'framework',
  },
  {
    title: 'New tasks and actions, with timescales',
    prompts: ['Who will do what, by when, and how will we know it has made a difference?'],
    section: 'outcomes',
  },
];

const CONFERENCE: AgendaTemplateItem[] = [
  { title: 'Introductions, purpose and confidentiality', prompts: ['Set out the purpose of the conference and that it is confidential.'], section: '' },
  { title: 'Reasons for the conference', prompts: ['Why has this conference been called?'], section: 'family' },
  { title: 'The incident or incidents of concern', prompts: ['A summary of what happened.'], section: 'chronology' },
  { title: 'Evidence from enquiries and assessment', prompts: ['What did the section 47 enquiries and assessment find?'], section: 'chronology' },
  { title: 'Agency reports', prompts: ['Each agency speaks to its written report.'], section: 'reports' },
  { title: 'The family’s views', prompts: ['What do the parents and carers say?'], section: 'framework' },
  { title: 'The child’s views', prompts: ['What is life like through the child’s eyes?'], section: 'framework' },
  {
    title: 'Decision',
    prompts: ['Is the child continuing to suffer, or likely to suffer, significant harm?', 'Each agency gives its view; the chair decides.'],
    section: '',
  },
  { title: 'Category of abuse or neglect', prompts: ['One primary category; more only exceptionally, with a reason.'], section: 'family' },
  { title: 'The plan', prompts: ['Outcomes, actions with owners and timescales, contingency, core group membership, next dates.'], section: 'outcomes' },
];

const STRATEGY: AgendaTemplateItem[] = [
  { title: 'Share available information', prompts: ['What does each agency know?'], section: 'chronology' },
  { title: 'The child’s welfare and safety', prompts: ['What is the level of risk to the child now?'], section: 'framework' },
  { title: 'Criminal investigation', prompts: ['Will there be one? Its conduct and timing.'], section: '' },
  { title: 'Section 47 enquiries', prompts: ['Should enquiries under section 47 be undertaken?'], section: '' },
  { title: 'What is shared with the child and family', prompts: ['Would sharing jeopardise an investigation or put the child at risk?'], section: '' },
  { title: 'Immediate actions', prompts: ['Who will do what, by when?'], section: 'outcomes' },
];

const TEMPLATES: Record<ChairedMeetingKind, AgendaTemplateItem[]> = {
  'core-group': CORE_GROUP,
  icpc: CONFERENCE,
  rcpc: CONFERENCE,
  'transfer-in': CONFERENCE,
  'pre-birth': CONFERENCE,
  strategy: STRATEGY,
};

/** The starting agenda for a kind of meeting (a fresh copy the caller may change). */
export function agendaFor(kind: ChairedMeetingKind): AgendaTemplateItem[] {
  const template = TEMPLATES[kind];
  if (!template) throw new RangeError(`agendaFor: no agenda for "${String(kind)}"`);
  return template.map((item) => ({ ...item, prompts: [...item.prompts] }));
}

export function isChairedKind(kind: string): kind is ChairedMeetingKind {
  return kind in TEMPLATES;
}
