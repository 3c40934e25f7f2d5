/**
 * What each shipped profile's procedures say about running meetings, beyond dates (TIMESCALES.md
 * "Checks that are not dates"): who must be at a conference or strategy discussion, who chairs a
 * core group, who should be at a core group and what to do when someone key does not come. Chair
 * mode shows only what the plan's own profile says, with its source; a Wirral standard never
 * appears on a plan that follows another board's procedures (issue 19).
 *
 * A member's own profile follows the procedures of the shipped profile it was copied from
 * (`basedOn`). A profile with nothing here (the national one: Working Together leaves these to
 * local procedures) gets no checks and says so.
 */

/** One thing the procedures say, and where. */
export interface Guidance {
  text: string;
  /** Short citation, e.g. "Wirral 2016, 7.1". */
  source: string;
}

export interface ChairProcedures {
  /** The procedures' short name (the profile's `short`), to say whose rules these are. */
  name: string;
  /** Sources of the checks these procedures make; a check they do not make is absent. */
  checks: {
    /** Conference quorum: children's social care and at least two other agencies. */
    conferenceQuorum?: string;
    /** Strategy discussion: social care and police, health where possible. */
    strategyAttendance?: string;
    /** Pre-birth conference: midwifery represented. */
    preBirthMidwifery?: string;
    /** The first core group, and one recommending that the plan ends, are chaired by a team manager. */
    teamManagerChairs?: string;
  };
  coreGroup: {
    /** Who should be at a core group, and who chairs it. */
    who: readonly Guidance[];
    /** When the lead social worker (children's social care) cannot come. */
    socialWorkerAbsent: readonly Guidance[];
    /** When the parents or other family members do not come. */
    familyAbsent: readonly Guidance[];
    /** When another agency's member does not come. */
    agencyAbsent: readonly Guidance[];
  };
}

const NONE: ChairProcedures['coreGroup'] = { who: [], socialWorkerAbsent: [], familyAbsent: [], agencyAbsent: [] };

const WIRRAL = 'Wirral 2016';
const CALDERDALE = 'Calderdale Group Agreement';
const LSCB = 'LSCB Good Practice Guidance';
const SCU = 'SCU Partnership Responsibilities';

/** By shipped profile id. */
const PROCEDURES: Readonly<Record<string, ChairProcedures>> = {
  'wirral-2016': {
    name: WIRRAL,
    checks: {
      conferenceQuorum: `${WIRRAL}, 3.5`,
      strategyAttendance: `${WIRRAL}, 2.3`,
      preBirthMidwifery: `${WIRRAL}, 3.14`,
      teamManagerChairs: `${WIRRAL}, 7.1`,
    },
    coreGroup: {
      who: [
        {
          text: 'Chaired by the team manager or the lead social worker (the first core group by a team manager). Attendees include the lead social worker, the child (if appropriate), family members, professionals who have direct contact with the family, and specialists invited to advise.',
          source: `${WIRRAL}, 7.1`,
        },
        { text: 'Kept as small as possible so the family can take part, at a time and place that suits family members and professionals.', source: `${WIRRAL}, 7.5` },
      ],
      socialWorkerAbsent: [],
      familyAbsent: [
        {
          text: 'Family members coming for the first time are prepared by the social worker and told what the meeting is for. Record the family’s views and any disagreement in the minutes.',
          source: `${WIRRAL}, 7.5`,
        },
      ],
      agencyAbsent: [
        {
          text: 'An agency stays responsible for the tasks it agreed, within the agreed timescales; if it cannot complete one, it tells the lead social worker.',
          source: `${WIRRAL}, 7.6`,
        },
      ],
    },
  },
  'calderdale-group-agreement': {
    name: CALDERDALE,
    checks: {},
    coreGroup: {
      who: [{ text: 'As the lead professional, the social worker should attend all core group meetings.', source: `${CALDERDALE}, "Core Groups and Child Protection Plan" 4` }],
      socialWorkerAbsent: [
        {
          text: 'If the social worker cannot attend, children’s social care names a fully briefed alternative to chair, or a new date is arranged within timescales.',
          source: `${CALDERDALE}, "Core Groups and Child Protection Plan" 4`,
        },
        {
          text: 'Only in exceptional circumstances (no time to rearrange and nobody from children’s social care available) does the meeting go ahead, run by another member, with a summary sent to the social worker as soon as possible.',
          source: `${CALDERDALE}, "Core Groups and Child Protection Plan" 5`,
        },
      ],
      familyAbsent: [],
      agencyAbsent: [],
    },
  },
  'conferencing-good-practice': {
    name: LSCB,
    checks: {},
    coreGroup: {
      who: [
        {
          text: 'Chaired by a member of the social care team: the team manager or another experienced social worker. Members include the lead social worker, the child if appropriate, family members, and professionals or foster carers in direct contact with the family, as the conference named them.',
          source: `${LSCB}, "The Core Group"`,
        },
      ],
      socialWorkerAbsent: [],
      familyAbsent: [
        {
          text: 'Parents may find it hard to accept the plan at the conference; their co-operation may be gained later through the core group. The child’s best interests come before those of other family members.',
          source: `${LSCB}, "The Core Group"`,
        },
      ],
      agencyAbsent: [
        {
          text: 'Attendance is key to carrying out the plan and should be given a high priority by all agencies; agencies make sure their members carry out their roles.',
          source: `${LSCB}, "The Core Group"`,
        },
      ],
    },
  },
  'partnership-responsibilities': {
    name: SCU,
    checks: {},
    coreGroup: {
      who: [{ text: 'Agencies bring a copy of the plan, say what support they give, update on progress, and give their view on continuing risks at every core group.', source: `${SCU}, "Core Group"` }],
      socialWorkerAbsent: [],
      familyAbsent: [],
      agencyAbsent: [{ text: 'Challenge partners and family when changes are not made, or support is not provided or accepted.', source: `${SCU}, "Core Group"` }],
    },
  },
};

/**
 * The procedures chair mode follows for a plan counting with `profile`: its own, or (for a
 * member's copy) those of the shipped profile it was based on; none for a profile with none.
 */
export function chairProcedures(profile: { id: string; short: string; basedOn?: string }): ChairProcedures {
  const own = PROCEDURES[profile.id] ?? (profile.basedOn !== undefined ? PROCEDURES[profile.basedOn] : undefined);
  return own ?? { name: profile.short, checks: {}, coreGroup: NONE };
}
