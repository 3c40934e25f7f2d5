/**
 * Page object for the GOV.UK date input (components/DateInput.svelte): a group named by its legend
 * holding Day, Month and Year boxes. Every journey types dates through here, day first, as a UK
 * worker does.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The date input whose legend is `legend` (exactly) inside `scope`. */
export function dateInput(scope: Page | Locator, legend: string): Locator {
  return scope.getByRole('group', { name: legend, exact: true });
}

/** The Day, Month and Year boxes of a date input. */
export function dateBoxes(date: Locator): { day: Locator; month: Locator; year: Locator } {
  return {
    day: date.getByRole('textbox', { name: 'Day', exact: true }),
    month: date.getByRole('textbox', { name: 'Month', exact: true }),
    year: date.getByRole('textbox', { name: 'Year', exact: true }),
  };
}

/** A yyyy-MM-dd date as the boxes show it: day, month, year without leading zeros ('' for none). */
function partsOf(iso: string): [string, string, string] {
  if (iso === '') return ['', '', ''];
  const [year, month, day] = iso.split('-');
  return [String(Number(day)), String(Number(month)), year!];
}

/**
 * Types `iso` (yyyy-MM-dd, or '' to clear it) into a date input day first, then leaves the date,
 * as a member does before its message (if any) shows.
 */
export async function fillDate(date: Locator, iso: string): Promise<void> {
  await typeDateParts(date, ...partsOf(iso));
}

/** Types each box as given (to try half-typed or impossible dates), then leaves the date. */
export async function typeDateParts(date: Locator, day: string, month: string, year: string): Promise<void> {
  const boxes = dateBoxes(date);
  await boxes.day.fill(day);
  await boxes.month.fill(month);
  await boxes.year.fill(year);
  await boxes.year.blur();
}

/** Expects a date input to show `iso` (yyyy-MM-dd, or '' for empty boxes). */
export async function expectDate(date: Locator, iso: string): Promise<void> {
  const [day, month, year] = partsOf(iso);
  const boxes = dateBoxes(date);
  await expect(boxes.day).toHaveValue(day);
  await expect(boxes.month).toHaveValue(month);
  await expect(boxes.year).toHaveValue(year);
}
