import { describe, expect, it } from 'vitest';
import { checkQuorum, coreGroupAttendance, type Attendee } from '../../../lib/chair/quorum.ts';
import { agencyKind } from '../../../lib/chair/agency-kind.ts';
import { chairProcedures } from '../../../lib/chair/procedures.ts';
import { getShippedProfile, SHIPPED_PROFILES } from '../../../lib/rules/deadlines/profiles/index.ts';

const WIRRAL = chairProcedures(getShippedProfile('wirral-2016')!);
const NATIONAL = chairProcedures(getShippedProfile('national')!);

const here = (agency: string, role = ''): Attendee => ({ name: agency, agency, role, present: true });
const away = (agency: string): Attendee => ({ name: agency, agency, present: false });
const messages = (f: ReturnType<typeof checkQuorum>) => f.map((x) => x.message);

describe('agencyKind', () => {
  it.each([
    ['Children’s Social Care', 'social-care'],
    ['CSC', 'social-care'],
    ['Merseyside Police', 'police'],
    ['Health visiting', 'health'],
    ['GP practice', 'health'],
    ['Community midwifery', 'midwifery'],
    ['Oak Tree Primary School', 'education'],
    ['Housing', 'other'],
  ])('%s is %s', (agency, kind) => expect(agencyKind(agency)).toBe(kind));
});

describe('checkQuorum', () => {
  it('finds a conference quorate with social care and two other agencies present (Wirral 3.5)', () => {
    expect(checkQuorum('icpc', [here('Children’s Social Care'), here('Health visiting'), here('Oak Tree Primary School')], WIRRAL)).toEqual([]);
  });

  it.each([
    ['no social care', [here('Health visiting'), here('Police'), here('School')], 'children’s social care is not present'],
    ['only one other agency', [here('Children’s Social Care'), here('Health visiting')], 'at least two agencies besides'],
    ['the others sent apologies', [here('CSC'), away('Health'), away('School')], 'at least two agencies besides'],
  ])('finds a conference not quorate with %s', (_, attendees, message) => {
    expect(messages(checkQuorum('rcpc', attendees, WIRRAL)).join(' ')).toContain(message);
  });

  it('asks for midwifery at a pre-birth conference (Wirral 3.14)', () => {
    const findings = checkQuorum('pre-birth', [here('CSC'), here('Health visiting'), here('GP')], WIRRAL);
    expect(messages(findings)).toContain('Midwifery must be represented at a pre-birth conference.');
  });

  it('needs social care and police at a strategy discussion, health where possible (Wirral 2.3)', () => {
    expect(checkQuorum('strategy', [here('CSC'), here('Police')], WIRRAL).map((f) => f.severity)).toEqual(['advice']);
    expect(messages(checkQuorum('strategy', [here('CSC')], WIRRAL))).toContain('The police must take part in a strategy discussion.');
  });

  it('warns when the first core group, or one recommending the plan ends, is not chaired by a team manager (Wirral 7.1)', () => {
    expect(messages(checkQuorum('core-group', [], WIRRAL, { firstCoreGroup: true, chairRole: 'Social worker' }))).toEqual(['The first core group must be chaired by a team manager.']);
    expect(checkQuorum('core-group', [], WIRRAL, { firstCoreGroup: true, chairRole: 'Team Manager' })).toEqual([]);
    expect(messages(checkQuorum('core-group', [], WIRRAL, { recommendingEnd: true }))[0]).toMatch(/recommending that the plan ends/);
    expect(checkQuorum('core-group', [], WIRRAL)).toEqual([]);
  });
});

describe('checks from the plan’s own procedures only', () => {
  const everything: [Parameters<typeof checkQuorum>[0], Attendee[], Parameters<typeof checkQuorum>[3]][] = [
    ['icpc', [here('Health visiting')], {}],
    ['pre-birth', [here('CSC')], {}],
    ['strategy', [], {}],
    ['core-group', [], { firstCoreGroup: true, chairRole: 'Social worker' }],
    ['core-group', [], { recommendingEnd: true }],
  ];

  it('makes no Wirral check on a plan using the national profile (issue 19)', () => {
    for (const [kind, attendees, ctx] of everything) expect(checkQuorum(kind, attendees, NATIONAL, ctx)).toEqual([]);
  });

  it('cites the plan’s procedures in every finding, and Wirral only for Wirral', () => {
    for (const profile of SHIPPED_PROFILES) {
      const procedures = chairProcedures(profile);
      for (const [kind, attendees, ctx] of everything) {
        for (const finding of checkQuorum(kind, attendees, procedures, ctx)) expect(finding.source.startsWith(profile.short)).toBe(true);
      }
    }
  });

  it('follows the procedures of the shipped profile a member’s own copy was based on', () => {
    const copy = { id: 'own-abc', short: 'Our partnership', basedOn: 'wirral-2016' };
    expect(chairProcedures(copy).checks.teamManagerChairs).toBe('Wirral 2016, 7.1');
    expect(chairProcedures({ id: 'own-def', short: 'Ours', basedOn: 'national' })).toMatchObject({ name: 'Ours', checks: {} });
  });
});

describe('coreGroupAttendance', () => {
  const CALDERDALE = chairProcedures(getShippedProfile('calderdale-group-agreement')!);
  const mum: Attendee = { name: 'Lena Testington', agency: 'Family', role: 'Mother', present: false };

  it('says who should attend, and judges nothing before anyone is listed', () => {
    const { who, notices } = coreGroupAttendance([], WIRRAL);
    expect(who.map((g) => g.source)).toEqual(['Wirral 2016, 7.1', 'Wirral 2016, 7.5']);
    expect(notices).toEqual([]);
  });

  it('says what to do when the social worker cannot come, from the plan’s procedures', () => {
    const { notices } = coreGroupAttendance([away('Children’s Social Care'), here('Health visiting')], CALDERDALE);
    expect(notices.map((n) => n.message)).toEqual(['Nobody from children’s social care is marked present.']);
    expect(notices[0]!.guidance.map((g) => g.text).join(' ')).toContain('fully briefed alternative to chair, or a new date is arranged within timescales');
  });

  it('notes a parent who did not come and an agency that sent apologies, with what the procedures say', () => {
    const { notices } = coreGroupAttendance([here('CSC', 'Lead social worker'), mum, away('Oak Tree Primary School')], WIRRAL);
    expect(notices.map((n) => n.message)).toEqual(['No family member is marked present.', 'Not here: Oak Tree Primary School (Oak Tree Primary School).']);
    expect(notices[0]!.guidance[0]!.source).toBe('Wirral 2016, 7.5');
    expect(notices[1]!.guidance[0]!.source).toBe('Wirral 2016, 7.6');
  });

  it('finds nothing missing when social care, the family and every agency are here', () => {
    expect(coreGroupAttendance([here('CSC'), { ...mum, present: true }, here('Health visiting')], WIRRAL).notices).toEqual([]);
  });

  it('gives no guidance for a profile whose procedures say nothing, but still notes the gap', () => {
    const { who, notices } = coreGroupAttendance([away('CSC')], NATIONAL);
    expect(who).toEqual([]);
    expect(notices).toEqual([{ message: 'Nobody from children’s social care is marked present.', guidance: [] }]);
  });
});
