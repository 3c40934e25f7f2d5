/**
 * Quorum and chairing checks for a meeting, from who is present (TIMESCALES.md "Checks that are
 * not dates"), and what the procedures say about a core group's attendance. Only the checks the
 * plan's own procedures make are made (`ChairProcedures`, procedures.ts), each citing them. They
 * return findings for the chair to see; they never stop a meeting.
 */
import { agencyKind } from './agency-kind.ts';
import type { ChairedMeetingKind } from './agendas.ts';
import type { ChairProcedures, Guidance } from './procedures.ts';

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

/** The quorum and chairing checks `procedures` make for a meeting of `kind` with `attendees`. */
export function checkQuorum(
  kind: ChairedMeetingKind,
  attendees: Attendee[],
  procedures: ChairProcedures,
  ctx: QuorumContext = {},
): QuorumFinding[] {
  const present = attendees.filter((a) => a.present);
  const kinds = new Set(present.map((a) => agencyKind(a.agency)));
  const findings: QuorumFinding[] = [];
  const { conferenceQuorum, strategyAttendance, preBirthMidwifery, teamManagerChairs } = procedures.checks;
  if (CONFERENCES.includes(kind) && conferenceQuorum) {
    // Wirral 3.5: children's social care plus at least two other agencies in direct contact with the child.
    const others = new Set(
      present.filter((a) => a.agency.trim() !== '' && agencyKind(a.agency) !== 'social-care').map((a) => a.agency.trim().toLowerCase()),
    );
    if (!kinds.has('social-care')) findings.push({ severity: 'warning', message: 'Not quorate: children’s social care is not present.', source: conferenceQuorum });
    if (others.size < 2) {
      findings.push({
        severity: 'warning',
        message: `Not quorate: at least two agencies besides children’s social care must be present (${others.size} ${others.size === 1 ? 'is' : 'are'}).`,
        source: conferenceQuorum,
      });
    }
  }
  if (kind === 'pre-birth' && preBirthMidwifery && !kinds.has('midwifery')) {
    findings.push({ severity: 'warning', message: 'Midwifery must be represented at a pre-birth conference.', source: preBirthMidwifery });
  }
  if (kind === 'strategy' && strategyAttendance) {
    // Wirral 2.3: social care and police at a minimum, health where possible.
    if (!kinds.has('social-care')) findings.push({ severity: 'warning', message: 'Children’s social care must take part in a strategy discussion.', source: strategyAttendance });
    if (!kinds.has('police')) findings.push({ severity: 'warning', message: 'The police must take part in a strategy discussion.', source: strategyAttendance });
    if (!kinds.has('health')) findings.push({ severity: 'advice', message: 'Health should take part where possible.', source: strategyAttendance });
  }
  if (kind === 'core-group' && teamManagerChairs && (ctx.firstCoreGroup || ctx.recommendingEnd)) {
    // Wirral 7.1: the first core group, and one recommending the plan ends, are chaired by a team manager.
    if (!/team manager/i.test(ctx.chairRole ?? '')) {
      findings.push({
        severity: 'warning',
        message: ctx.firstCoreGroup
          ? 'The first core group must be chaired by a team manager.'
          : 'A core group recommending that the plan ends must be chaired by a team manager.',
        source: teamManagerChairs,
      });
    }
  }
  return findings;
}

/** What the procedures say about one gap in a core group's attendance. */
export interface AttendanceNotice {
  /** What the attendance shows, e.g. "Nobody from children’s social care is marked present." */
  message: string;
  guidance: readonly Guidance[];
}

// A member of the family rather than of an agency, by what their agency or role says.
const FAMILY = /\b(family|parent|mother|father|mum|dad|carer|grandparent|grandmother|grandfather|aunt|uncle|step-?parent)\b/i;

const isFamily = (a: Attendee) => FAMILY.test(`${a.agency} ${a.role ?? ''}`);

/**
 * A core group's attendance judged against `procedures`: who should be there, and for each gap
 * (nobody from children's social care, no family member, another agency's member missing) what
 * the procedures say to do. Nothing is judged until someone is listed.
 */
export function coreGroupAttendance(attendees: Attendee[], procedures: ChairProcedures): { who: readonly Guidance[]; notices: AttendanceNotice[] } {
  const { who, socialWorkerAbsent, familyAbsent, agencyAbsent } = procedures.coreGroup;
  const notices: AttendanceNotice[] = [];
  if (attendees.length === 0) return { who, notices };
  const present = attendees.filter((a) => a.present);
  if (!present.some((a) => !isFamily(a) && agencyKind(a.agency) === 'social-care')) {
    notices.push({ message: 'Nobody from children’s social care is marked present.', guidance: socialWorkerAbsent });
  }
  const family = attendees.filter(isFamily);
  if (family.length > 0 && !family.some((a) => a.present)) {
    notices.push({ message: 'No family member is marked present.', guidance: familyAbsent });
  }
  const missing = attendees.filter((a) => !a.present && !isFamily(a) && agencyKind(a.agency) !== 'social-care');
  if (missing.length > 0) {
    const names = missing.map((a) => (a.agency.trim() ? `${a.name} (${a.agency.trim()})` : a.name)).join(', ');
    notices.push({ message: `Not here: ${names}.`, guidance: agencyAbsent });
  }
  return { who, notices };
}
