import { describe, expect, it } from 'vitest';
import { indexTimeline, type TimelineEvent } from '../../../../lib/rules/deadlines/timeline.ts';

const ev = (id: string, kind: string, date: string, extra: object = {}) => ({ id, kind, date, ...extra }) as TimelineEvent;

describe('indexTimeline', () => {
  it('sorts by date, keeping the given order for events on one day', () => {
    const indexed = indexTimeline([
      ev('cg', 'core-group', '2025-03-20'),
      ev('i', 'icpc', '2025-03-07'),
      ev('p', 'plan-circulated', '2025-03-07'),
    ]);
    expect(indexed.all.map((e) => e.event.id)).toEqual(['i', 'p', 'cg']);
    expect(indexed.all.map((e) => e.order)).toEqual([0, 1, 2]);
  });

  it('groups by kind, lists conferences, and marks booked meetings as not held', () => {
    const indexed = indexTimeline([
      ev('i', 'icpc', '2025-03-07'),
      ev('r', 'rcpc', '2025-06-02', { scheduled: true }),
      ev('a', 'action', '2025-03-07', { due: '2025-04-01' }),
    ]);
    expect(indexed.byKind.get('rcpc')?.map((e) => e.held)).toEqual([false]);
    expect(indexed.byId.get('a')?.held).toBe(true);
    expect(indexed.conferences.map((e) => e.event.id)).toEqual(['i', 'r']);
  });

  it('skips kinds it does not know (a newer peer may add some)', () => {
    expect(indexTimeline([ev('x', 'family-group-conference', '2025-03-07')]).all).toEqual([]);
  });

  it.each([
    [[ev('a', 'icpc', '2025-03-07'), ev('b', 'rcpc', '2025-02-30')], /timeline\[1\]\.date/],
    [[ev('', 'icpc', '2025-03-07')], /timeline\[0\]\.id/],
    [[ev('a', 'action', '2025-03-07', { due: 'soon' })], /timeline\[0\]\.due/],
    [[ev('a', 'strategy', '2025-03-07', { edd: '2025-13-01' })], /timeline\[0\]\.edd/],
    [[null as unknown as TimelineEvent], /timeline\[0\]/],
  ])('throws a RangeError naming the bad event (%#)', (timeline, message) => {
    expect(() => indexTimeline(timeline)).toThrow(RangeError);
    expect(() => indexTimeline(timeline)).toThrow(message);
  });
});
