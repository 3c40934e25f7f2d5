import { describe, expect, it } from 'vitest';
import { checkQuorum, type Attendee } from '../../../lib/chair/quorum.ts';
import { agencyKind } from '../../../lib/chair/agency-kind.ts';

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
    expect(checkQuorum('icpc', [here('Children’s Social Care'), here('Health visiting'), here('Oak Tree Primary School')])).toEqual([]);
  });

  it.each([
    ['no social care', [here('Health visiting'), here('Police'), here('School')], 'children’s social care is not present'],
    ['only one other agency', [here('Children’s Social Care'), here('Health visiting')], 'at least two agencies besides'],
    ['the others sent apologies', [here('CSC'), away('Health'), away('School')], 'at least two agencies besides'],
  ])('finds a conference not quorate with %s', (_, attendees, message) => {
    expect(messages(checkQuorum('rcpc', attendees)).join(' ')).toContain(message);
  });

  it('asks for midwifery at a pre-birth conference (Wirral 3.14)', () => {
    const findings = checkQuorum('pre-birth', [here('CSC'), here('Health visiting'), here('GP')]);
    expect(messages(findings)).toContain('Midwifery must be represented at a pre-birth conference.');
  });

  it('needs social care and police at a strategy discussion, health where possible (Wirral 2.3)', () => {
    expect(checkQuorum('strategy', [here('CSC'), here('Police')]).map((f) => f.severity)).toEqual(['advice']);
    expect(messages(checkQuorum('strategy', [here('CSC')]))).toContain('The police must take part in a strategy discussion.');
  });

  it('warns when the first core group, or one recommending the plan ends, is not chaired by a team manager (Wirral 7.1)', () => {
    expect(messages(checkQuorum('core-group', [], { firstCoreGroup: true, chairRole: 'Social worker' }))).toEqual(['The first core group must be chaired by a team manager.']);
    expect(checkQuorum('core-group', [], { firstCoreGroup: true, chairRole: 'Team Manager' })).toEqual([]);
    expect(messages(checkQuorum('core-group', [], { recommendingEnd: true }))[0]).toMatch(/recommending that the plan ends/);
    expect(checkQuorum('core-group', [])).toEqual([]);
  });
});
