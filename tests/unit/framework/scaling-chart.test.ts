import { describe, expect, it } from 'vitest';
import { layoutScalingChart, scalingSeries, type ScorePoint } from '../../../lib/framework/scaling-chart.ts';

let next = 0;
const score = (person: string, value: number, date: string): ScorePoint => ({ id: `s${next++}`, person, agency: '', score: value, date, note: '' });
const BOX = { width: 300, height: 120, left: 20, right: 10, top: 10, bottom: 10 };

describe('scalingSeries', () => {
  it('gives one series per person, oldest score first, people in alphabetical order', () => {
    const series = scalingSeries([score('Social worker', 3, '2025-05-01'), score('Mum', 5, '2025-06-01'), score('Mum', 4, '2025-05-01')]);
    expect(series.map((s) => s.person)).toEqual(['Mum', 'Social worker']);
    expect(series[0]!.points.map((p) => p.score)).toEqual([4, 5]);
  });

  it('treats the same name typed with other case or spacing as one person, keeping the first spelling', () => {
    const series = scalingSeries([score('Mum', 4, '2025-05-01'), score(' mum  ', 6, '2025-06-01')]);
    expect(series).toHaveLength(1);
    expect(series[0]!.person).toBe('Mum');
    expect(series[0]!.points).toHaveLength(2);
  });

  it('keeps same-day scores in the order they were added', () => {
    const a = score('Dad', 2, '2025-05-01');
    const b = score('Dad', 3, '2025-05-01');
    expect(scalingSeries([a, b])[0]!.points).toEqual([a, b]);
  });

  it('leaves out scores a peer sent incomplete or out of range', () => {
    const series = scalingSeries([score('', 4, '2025-05-01'), score('Mum', 11, '2025-05-01'), score('Mum', 2.5, '2025-05-01'), score('Mum', 4, ''), score('Mum', 4, '2025-05-02')]);
    expect(series).toEqual([{ person: 'Mum', points: [expect.objectContaining({ date: '2025-05-02' })] }]);
  });
});

describe('layoutScalingChart', () => {
  it('puts 0 at the bottom and 10 at the top, the earliest date at the left and the latest at the right', () => {
    const layout = layoutScalingChart(scalingSeries([score('Mum', 0, '2025-05-01'), score('Mum', 10, '2025-05-31'), score('Mum', 5, '2025-05-16')]), BOX);
    const points = layout.series[0]!.points;
    expect(points.map((p) => [p.x, p.y])).toEqual([
      [20, 110],
      [20 + 270 / 2, 60],
      [290, 10],
    ]);
    expect(layout.yTicks.map((t) => [t.value, t.y])).toEqual([[0, 110], [2, 90], [4, 70], [6, 50], [8, 30], [10, 10]]);
    expect(layout.xTicks).toEqual([{ date: '2025-05-01', x: 20 }, { date: '2025-05-31', x: 290 }]);
  });

  it('centres the points when every score is on one day', () => {
    const layout = layoutScalingChart(scalingSeries([score('Mum', 4, '2025-05-01'), score('Dad', 6, '2025-05-01')]), BOX);
    expect(layout.series.flatMap((s) => s.points.map((p) => p.x))).toEqual([155, 155]);
    expect(layout.xTicks).toEqual([{ date: '2025-05-01', x: 155 }]);
  });

  it('spaces dates by the days between them, across a month end', () => {
    // 30 April to 2 May is two days; to 30 May is thirty.
    const layout = layoutScalingChart(scalingSeries([score('Mum', 1, '2025-04-30'), score('Mum', 1, '2025-05-02'), score('Mum', 1, '2025-05-30')]), BOX);
    expect(layout.series[0]!.points.map((p) => p.x)).toEqual([20, 20 + (270 * 2) / 30, 290]);
  });

  it('draws nothing, and no date ticks, when there are no scores', () => {
    expect(layoutScalingChart([], BOX)).toMatchObject({ series: [], xTicks: [] });
  });
});
