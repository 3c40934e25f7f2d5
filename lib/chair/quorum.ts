/**
 * Quorum and chairing checks for a meeting, from who is present (TIMESCALES.md "Checks that are
 * not dates"). They return findings for the chair to see; they never stop a meeting.
 */
import { agencyKind } from './agency-kind.ts';
import type { ChairedMeetingKind } from './agendas.ts';

export interface Attendee {
  name: string;
  agency: string;
  role?: string;
  present: boolean;
}

export interface QuorumFinding {
  severity: 'warning' | 'advice';
  message: string;
  source: string;
}

export interface QuorumContext {
  /** True for the plan's first core group (it must be chaired by a team manager). */
  firstCoreGroup?: boolean;
  /** True when the core group is recommending the plan ends. */
  recommendingEnd?: boolean;
  /** The chair's role as declared (e.g. "Team manager"). */
  chairRole?: string;
}

const CONFERENCES: ChairedMeetingKind[] = ['icpc', 'rcpc', 'transfer-in', 'pre-birth'];

export function checkQuorum(kind: ChairedMeetingKind, attendees: Attendee[], ctx: QuorumContext = {}): QuorumFinding[] {
  const present = attendees.filter((a) => a.present);
  const kinds = new Set(present.map((a) => agencyKind(a.agency)));
  const findings: QuorumFinding[] = [];
  if (CONFERENCES.includes(kind)) {
    // Wirral 3.5: children's social care plus at least two other agencies in direct contact with the child.
    const others = new Set(
      present.filter((a) => a.agency.trim() !== '' && agencyKind(a.agency) !== 'social-care').map((a) => a.agency.trim().toLowerCase()),
    );
    if (!kinds.has('social-care')) findings.push({ severity: 'warning', message: 'Not quorate: children’s social care is not present.', source: 'Wirral 2016, 3.5' });
    if (others.size < 2) {
      findings.push({
        severity: 'warning',
        message: `Not quorate: at least two agencies besides children’s social care must be present (${others.size} ${others.size === 1 ? 'is' : 'are'}).`,
        source: 'Wirral 2016, 3.5',
      });
    }
    if (kind === 'pre-birth' && !kinds.has('midwifery')) {
      findings.push({ severity: 'warning', message: 'Midwifery must be represented at a pre-birth conference.', source: 'Wirral 2016, 3.14' });
    }
  }
  if (kind === 'strategy') {
    // Wirral 2.3: social care and police at a minimum, health where possible.
    if (!kinds.has('social-care')) findings.push({ severity: 'warning', message: 'Children’s social care must take part in a strategy discussion.', source: 'Wirral 2016, 2.3' });
    if (!kinds.has('police')) findings.push({ severity: 'warning', message: 'The police must take part in a strategy discussion.', source: 'Wirral 2016, 2.3' });
    if (!kinds.has('health')) findings.push({ severity: 'advice', message: 'Health should take part where possible.', source: 'Wirral 2016, 2.3' });
  }
  if (kind === 'core-group' && (ctx.firstCoreGroup || ctx.recommendingEnd)) {
    // Wirral 7.1: the first core group, and one recommending the plan ends, are chaired by a team manager.
    if (!/team manager/i.test(ctx.chairRole ?? '')) {
      findings.push({
        severity: 'warning',
        message: ctx.firstCoreGroup
          ? 'The first core group must be chaired by a team manager.'
          : 'A core group recommending that the plan ends must be chaired by a team manager.',
        source: 'Wirral 2016, 7.1',
      });
    }
  }
  return findings;
}
