import { describe, expect, it } from 'vitest';
import { easterSunday, ruleBankHolidays } from '../../../../lib/rules/calendar/holiday-rules.ts';
import { formatDayNumber } from '../../../../lib/dates/iso-date.ts';

const dates = (year: number, division: Parameters<typeof ruleBankHolidays>[1]) =>
  ruleBankHolidays(year, division).map((h) => h.date);

describe('easterSunday', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'], // early Easter: Good Friday in March
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2000, '2000-04-23'],
    [2038, '2038-04-25'], // the latest date Easter can fall on
    [2285, '2285-03-22'], // the earliest
    [1818, '1818-03-22'], // the earliest, last time it happened
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(formatDayNumber(easterSunday(year))).toBe(date);
  });
});

describe('ruleBankHolidays', () => {
  it.each([
    // Christmas on a Saturday: Christmas moves to Monday 27, Boxing Day to Tuesday 28.
    [2021, 'england-and-wales', ['2021-12-27', '2021-12-28']],
    // Christmas on a Sunday: Boxing Day keeps Monday 26, Christmas moves to Tuesday 27.
    [2022, 'england-and-wales', ['2022-12-26', '2022-12-27']],
    // New Year's Day on a Saturday: Monday 3 January.
    [2022, 'england-and-wales', ['2022-01-03']],
    // Scotland, 1 and 2 January on Saturday and Sunday: Monday 3 and Tuesday 4.
    [2022, 'scotland', ['2022-01-03', '2022-01-04']],
    // Scotland, New Year's Day on a Sunday: 2 January keeps Monday 2, New Year's Day moves to Tuesday 3.
    [2023, 'scotland', ['2023-01-02', '2023-01-03']],
    // St Andrew's Day (30 November) on a Sunday: Monday 1 December.
    [2025, 'scotland', ['2025-12-01']],
    // 12 July on a Sunday: Monday 13 July in Northern Ireland.
    [2026, 'northern-ireland', ['2026-07-13']],
    // St Patrick's Day on a Sunday: Monday 18 March.
    [2024, 'northern-ireland', ['2024-03-18']],
  ] as const)('%i in %s includes %j', (year, division, expected) => {
    expect(dates(year, division)).toEqual(expect.arrayContaining([...expected]));
  });

  it('gives Scotland no Easter Monday and its summer holiday on the first Monday of August', () => {
    expect(dates(2025, 'scotland')).not.toContain('2025-04-21');
    expect(dates(2025, 'scotland')).toContain('2025-08-04');
    expect(dates(2025, 'scotland')).not.toContain('2025-08-25');
  });

  it('gives England and Wales Easter Monday and the last Monday of August', () => {
    expect(dates(2025, 'england-and-wales')).toEqual([
      '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
    ]);
  });

  it('marks moved fixed dates as substitutes and nothing else', () => {
    const substitutes = ruleBankHolidays(2027, 'england-and-wales').filter((h) => h.substitute).map((h) => h.date);
    expect(substitutes).toEqual(['2027-12-27', '2027-12-28']);
  });
});
