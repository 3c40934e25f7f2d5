/**
 * Deadlines for 500 plans (DESIGN.md budget: 50 ms). Each plan's timeline is generated from a
 * fixed seed to look like a real one: a strategy discussion, an initial conference with its
 * reports, letter and minutes, core groups every 4–6 weeks with notes, visits every 1–3 weeks,
 * review conferences with their reports and minutes, a booked next review and core group, and
 * 10–30 actions. The figure is the median over several runs of computing every plan's deadlines
 * under the Wirral profile (the one with the most rules), prepared once per run.
 */
import { computeDeadlines } from '../lib/rules/deadlines/deadlines.ts';
import { daysFromCivil, formatDayNumber } from '../lib/dates/iso-date.ts';
import { prepareProfile } from '../lib/rules/deadlines/prepared-profile.ts';
import { getShippedProfile } from '../lib/rules/deadlines/profiles/index.ts';
import type { TimelineEvent } from '../lib/rules/deadlines/timeline.ts';
import { percentile, type Figure } from './figure.ts';
import { seededRandom } from '../tests/support/seeded-random.ts';

const PLANS = 500;
const RUNS = 15;
const WARM_UP_RUNS = 3;
const SEED = 20_251_122;
const TODAY_DAY = daysFromCivil(2026, 6, 1);
const TODAY = formatDayNumber(TODAY_DAY);

export default async function (): Promise<Figure[]> {
  const random = seededRandom(SEED);
  const plans = Array.from({ length: PLANS }, (_, i) => generatePlan(random, i));
  const profile = getShippedProfile('wirral-2016')!;

  let items = 0;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < WARM_UP_RUNS + RUNS; run += 1) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    // Prepared once per run, as a caller computing many plans does (prepareProfile's contract).
    const prepared = prepareProfile(profile);
    let count = 0;
    for (const plan of plans) count += computeDeadlines(plan, prepared, TODAY).length;
    const elapsed = performance.now() - started;
    const cpuUsed = process.cpuUsage(cpuStarted);
    if (run >= WARM_UP_RUNS) {
      wall.push(elapsed);
      cpu.push((cpuUsed.user + cpuUsed.system) / 1000);
    }
    items = count;
  }

  const events = plans.reduce((sum, plan) => sum + plan.length, 0);
  return [
    { name: `deadlines for ${PLANS} plans (median of ${RUNS})`, value: percentile(wall, 50), unit: 'ms', budget: 50 },
    { name: `deadlines for ${PLANS} plans (p95)`, value: percentile(wall, 95), unit: 'ms', budget: null },
    // CPU time barely moves when other processes share the machine; wall time can double.
    { name: `deadlines for ${PLANS} plans, CPU time (median)`, value: percentile(cpu, 50), unit: 'ms', budget: null },
    { name: `deadline items for ${PLANS} plans (${events} events)`, value: items, unit: 'items', budget: null },
  ];
}

/** One plan's timeline, from its strategy discussion up to about `TODAY`. */
function generatePlan(random: () => number, index: number): TimelineEvent[] {
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const events: TimelineEvent[] = [];
  let n = 0;
  const add = (kind: TimelineEvent['kind'], day: number, extra: object = {}): string => {
    const id = `p${index}-${n++}`;
    events.push({ id, kind, date: formatDayNumber(day), ...extra } as TimelineEvent);
    return id;
  };
  const conference = (kind: 'icpc' | 'rcpc', day: number) => {
    add('report-submitted', day - between(3, 8));
    add('report-shared', day - between(2, 7));
    const id = add(kind, day);
    add('plan-circulated', day + between(0, 2), { about: id });
    add('minutes-circulated', day + between(10, 25), { about: id });
    return id;
  };

  const strategy = TODAY_DAY - between(120, 520);
  add('strategy', strategy, { startsS47: true });
  const icpc = strategy + between(12, 24);
  conference('icpc', icpc);

  const meetings: number[] = [icpc];
  for (let day = icpc + between(6, 16); day < TODAY_DAY; day += between(25, 45)) {
    const id = add('core-group', day);
    add('notes-circulated', day + between(2, 12), { about: id });
    meetings.push(day);
  }
  add('core-group', TODAY_DAY + between(3, 30), { scheduled: true });
  for (let day = icpc + between(5, 20); day < TODAY_DAY; day += between(7, 24)) add('visit', day);

  let review = icpc + between(80, 95);
  for (; review < TODAY_DAY; review += between(150, 185)) {
    conference('rcpc', review);
    meetings.push(review);
  }
  add('rcpc', review, { scheduled: true });

  for (let a = between(10, 30); a > 0; a -= 1) {
    const set = meetings[between(0, meetings.length - 1)]!;
    const due = set + between(14, 120);
    add('action', set, { due: formatDayNumber(due), done: due < TODAY_DAY && random() < 0.8, title: `Action ${a}` });
  }
  return events;
}

