/**
 * Who the family talks to about the plan: the social worker named in the core group, with the
 * contact details the plan holds for them. When the plan does not hold them, the family print says
 * how to find them instead of promising a name it cannot give.
 */
import { agencyKind } from '../chair/agency-kind.ts';
import type { MemberValue } from '../plan/index.ts';

/** The member the family should talk to, best first: the lead social worker, any social worker, then children's social care. */
export function findSocialWorker(members: readonly MemberValue[]): MemberValue | undefined {
  const rank = (member: MemberValue): number => {
    if (/\blead social worker\b/i.test(member.role)) return 0;
    if (/\bsocial worker\b/i.test(member.role)) return 1;
    if (agencyKind(member.agency) !== 'social-care') return Number.POSITIVE_INFINITY;
    // A team manager chairs; the family's day-to-day contact is a worker.
    return /\bmanager\b/i.test(member.role) ? 3 : 2;
  };
  return members
    .filter((member) => member.name.trim() !== '' && rank(member) < Number.POSITIVE_INFINITY)
    .map((member, index) => ({ member, index }))
    .sort((a, b) => rank(a.member) - rank(b.member) || a.index - b.index)[0]?.member;
}

export interface FamilyContact {
  /** "Your social worker is Sam Sample (children's social care)." */
  who: string;
  /** How to reach them: their contact details, or how to find them. */
  reach: string;
}

const FIND_THE_TEAM = 'your council’s children’s social care team (the number is on the council’s website)';

/** What the family print says about reaching the social worker; `plain` puts the plan's words into plain language. */
export function familyContact(members: readonly MemberValue[], plain: (text: string) => string): FamilyContact {
  const worker = findSocialWorker(members);
  if (!worker) {
    return {
      who: 'The name of your social worker is not written in this plan yet.',
      reach: `To find out who they are, phone ${FIND_THE_TEAM} and give your family name.`,
    };
  }
  const name = worker.name.trim();
  const agency = worker.agency.trim();
  // As one phrase, so an agency's acronym in brackets is not taken for the start of a sentence.
  const who = `Your social worker is ${plain(agency ? `${name} (${agency})` : name)}.`;
  const contact = worker.contact.trim();
  if (contact) return { who, reach: `You can contact them on: ${contact}` };
  return {
    who,
    reach: `Their phone number is not written in this plan yet. Ask them for it at their next visit, or phone ${FIND_THE_TEAM} and ask for ${name} by name.`,
  };
}
