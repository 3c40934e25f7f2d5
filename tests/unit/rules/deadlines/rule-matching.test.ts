import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../../lib/rules/deadlines/profiles/index.ts';
import { AfterMatcher, eventsBefore, planEndFrom, selectAnchors } from '../../../../lib/rules/deadlines/rule-matching.ts';
import { indexTimeline, type TimelineEvent } from '../../../../lib/rules/deadlines/timeline.ts';

const ev = (id: string, kind: string, date: string, extra: object = {}) => ({ id, kind, date, ...extra }) as TimelineEvent;
const rule = (fields: Partial<Rule>): Rule => ({
  id: 'T1', title: 'Initial conference', figure: 15, unit: 'working-days', direction: 'after',
  from: ['strategy'], due: ['icpc'], source: 'Test', section: '1', ...fields,
});
const ids = (events: { event: { id: string } }[]) => events.map((e) => e.event.id);

describe('selectAnchors', () => {
  const timeline = indexTimeline([
    ev('s1', 'strategy', '2025-03-03'),
    ev('s2', 'strategy', '2025-03-05', { startsS47: true }),
    ev('s3', 'strategy', '2025-03-07'),
    ev('i', 'icpc', '2025-03-20'),
    ev('s4', 'strategy', '2025-09-01'),
    ev('s5', 'strategy', '2025-09-03', { scheduled: true }),
  ]);

  it.each([
    ['each', ['s1', 's2', 's3', 's4']],
    ['first', ['s1', 's4']], // one per run not yet answered by a conference
    ['last', ['s3', 's4']],
    ['starts-s47', ['s2', 's4']], // the marked one, else the first of the run
  ] as const)('with anchor %s picks %j (booked meetings never start a count)', (anchor, expected) => {
    expect(ids(selectAnchors(rule({ anchor }), timeline))).toEqual(expected);
  });

  it('filters strategy discussions about an unborn child, and those that started no s47', () => {
    const mixed = indexTimeline([
      ev('a', 'strategy', '2025-03-03', { unborn: true }),
      ev('b', 'strategy', '2025-03-04'),
      ev('c', 'strategy', '2025-03-05', { startsS47: false }),
    ]);
    expect(ids(selectAnchors(rule({ unborn: true }), mixed))).toEqual(['a']);
    expect(ids(selectAnchors(rule({ unborn: false }), mixed))).toEqual(['b']);
    expect(ids(selectAnchors(rule({}), mixed))).toEqual(['a', 'b']);
  });
});

describe('AfterMatcher', () => {
  it('lets one meeting end two counts (a visit after the conference and after the last visit)', () => {
    const timeline = indexTimeline([ev('i', 'icpc', '2025-03-07'), ev('v1', 'visit', '2025-03-10'), ev('v2', 'visit', '2025-03-24')]);
    const matcher = new AfterMatcher(['visit'], timeline);
    expect(matcher.match(timeline.byId.get('i')!, undefined).held?.event.id).toBe('v1');
    expect(matcher.match(timeline.byId.get('v1')!, undefined).held?.event.id).toBe('v2');
    expect(matcher.match(timeline.byId.get('i')!, undefined).held?.event.id).toBe('v1');
  });

  it('uses each record once, and not past the next anchor', () => {
    const timeline = indexTimeline([
      ev('i', 'icpc', '2025-03-07'),
      ev('r', 'rcpc', '2025-06-02'),
      ev('m', 'minutes-circulated', '2025-06-05'),
    ]);
    const matcher = new AfterMatcher(['minutes-circulated'], timeline);
    const [i, r] = [timeline.byId.get('i')!, timeline.byId.get('r')!];
    expect(matcher.match(i, r).held).toBeUndefined();
    expect(matcher.match(r, undefined).held?.event.id).toBe('m');
    expect(matcher.match(r, undefined).held).toBeUndefined(); // already used
  });

  it('matches a record that names its meeting to that meeting only', () => {
    const timeline = indexTimeline([
      ev('i', 'icpc', '2025-03-07'),
      ev('r', 'rcpc', '2025-06-02'),
      ev('m', 'minutes-circulated', '2025-06-05', { about: 'i' }),
    ]);
    const matcher = new AfterMatcher(['minutes-circulated'], timeline);
    expect(matcher.match(timeline.byId.get('r')!, undefined).held).toBeUndefined();
    expect(matcher.match(timeline.byId.get('i')!, timeline.byId.get('r')).held?.event.id).toBe('m');
  });

  it('offers the first booked meeting when none has been held', () => {
    const timeline = indexTimeline([ev('i', 'icpc', '2025-03-07'), ev('cg', 'core-group', '2025-03-19', { scheduled: true })]);
    const match = new AfterMatcher(['core-group'], timeline).match(timeline.byId.get('i')!, undefined);
    expect(match.held).toBeUndefined();
    expect(match.booked?.event.id).toBe('cg');
  });
});

describe('eventsBefore', () => {
  it('takes events after the previous held conference, up to the target, or naming it', () => {
    const timeline = indexTimeline([
      ev('early', 'report-submitted', '2025-03-01'),
      ev('i', 'icpc', '2025-03-07'),
      ev('named', 'report-submitted', '2025-03-02', { about: 'r' }),
      ev('between', 'report-submitted', '2025-05-27'),
      ev('r', 'rcpc', '2025-06-02', { scheduled: true }),
      ev('after', 'report-submitted', '2025-06-03'),
    ]);
    expect(ids(eventsBefore(timeline, ['report-submitted'], timeline.byId.get('r')!))).toEqual(['named', 'between']);
  });
});

describe('planEndFrom', () => {
  it('finds the first held conference from the event on that ended the plan, itself included', () => {
    const timeline = indexTimeline([
      ev('i', 'icpc', '2025-03-07', { endsPlan: true }),
      ev('r0', 'rcpc', '2025-05-01', { scheduled: true, endsPlan: true }),
      ev('r', 'rcpc', '2025-06-02', { endsPlan: true }),
    ]);
    expect(planEndFrom(timeline, timeline.byId.get('i')!)?.event.id).toBe('i');
    expect(planEndFrom(timeline, timeline.byId.get('r0')!)?.event.id).toBe('r');
  });
});
