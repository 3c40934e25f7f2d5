/**
 * The scaling chart as numbers: scores grouped into one series per person, and where each point
 * sits in the chart's box. Pure, so the geometry is tested without a browser; the component only
 * draws what this returns.
 */
import { compareDates } from '../dates/date-order.ts';
import { tryParseIsoDate } from '../dates/iso-date.ts';
import { SCALE_MAX, SCALE_MIN } from './scaling-draft.ts';

/** One score as read from the plan. */
export interface ScorePoint {
  id: string;
  person: string;
  agency: string;
  score: number;
  date: string;
  note: string;
}

/** One person's scores, oldest first. */
export interface ScalingSeries {
  /** The name as first written; scores typed "Mum" and "mum " are one person. */
  person: string;
  points: ScorePoint[];
}

const personKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
const plottable = (p: ScorePoint) =>
  p.person.trim() !== '' && Number.isInteger(p.score) && p.score >= SCALE_MIN && p.score <= SCALE_MAX && tryParseIsoDate(p.date) !== undefined;

/**
 * Groups scores by person (ignoring case and spacing), each series sorted by date, series sorted by
 * name. Scores a peer sent incomplete or out of range are left out of the chart (the table still
 * lists them), so one bad record can never distort everyone's lines.
 */
export function scalingSeries(scores: readonly ScorePoint[]): ScalingSeries[] {
  const byPerson = new Map<string, ScalingSeries>();
  for (const point of scores.filter(plottable)) {
    const key = personKey(point.person);
    const series = byPerson.get(key) ?? { person: point.person.trim(), points: [] };
    series.points.push(point);
    byPerson.set(key, series);
  }
  const all = [...byPerson.values()];
  // A stable sort keeps same-day scores in the order they were added.
  for (const s of all) s.points.sort((a, b) => compareDates(a.date, b.date));
  return all.sort((a, b) => a.person.localeCompare(b.person, 'en-GB'));
}

/** The chart's drawing area: the whole box and the margins left for axis labels. */
export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface PlacedPoint extends ScorePoint {
  x: number;
  y: number;
}

export interface ChartLayout {
  series: { person: string; points: PlacedPoint[] }[];
  /** Horizontal grid lines with their score. */
  yTicks: { value: number; y: number }[];
  /** The earliest and latest dates, where they fall (one tick when every score is on one day). */
  xTicks: { date: string; x: number }[];
}

/**
 * Places every point: the score on a fixed 0–10 vertical scale (so charts of different plans read
 * alike), the date on a horizontal scale from the earliest to the latest score. All on one day:
 * the points sit in the middle.
 */
export function layoutScalingChart(series: readonly ScalingSeries[], box: ChartBox): ChartLayout {
  const x0 = box.left;
  const x1 = box.width - box.right;
  const y0 = box.height - box.bottom;
  const y1 = box.top;
  const days = series.flatMap((s) => s.points.map((p) => tryParseIsoDate(p.date)!));
  const first = Math.min(...days);
  const last = Math.max(...days);
  const xOf = (date: string) => (last === first ? (x0 + x1) / 2 : x0 + ((tryParseIsoDate(date)! - first) / (last - first)) * (x1 - x0));
  const yOf = (score: number) => y0 - ((score - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)) * (y0 - y1);

  const placed = series.map((s) => ({ person: s.person, points: s.points.map((p) => ({ ...p, x: xOf(p.date), y: yOf(p.score) })) }));
  const yTicks = [0, 2, 4, 6, 8, 10].map((value) => ({ value, y: yOf(value) }));
  const dates = series.flatMap((s) => s.points.map((p) => p.date)).sort();
  const xTicks =
    dates.length === 0 ? [] : dates[0] === dates[dates.length - 1] ? [{ date: dates[0]!, x: xOf(dates[0]!) }] : [dates[0]!, dates[dates.length - 1]!].map((date) => ({ date, x: xOf(date) }));
  return { series: placed, yTicks, xTicks };
}
