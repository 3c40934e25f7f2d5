/**
 * Journey: a lead social worker builds the multi-agency chronology: entries out of date order come
 * back sorted, a bad source link is refused, entries are filtered, edited, removed and restored;
 * after a reload all is there.
 */
import { subDays } from 'date-fns';
import { openNewPlan } from './support/new-plan.ts';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { ChronologyPage, expectNoSidewaysScroll, screenshot } from './pages/meetings-page.ts';
import { iso, now } from './support/around-today.ts';
import { dateInput, fillDate } from './pages/date-input.ts';

test('the multi-agency chronology is built, sorted, filtered, edited and kept', async ({ panel }) => {
  const { plan } = await openNewPlan(panel, [{ name: 'Ava', dob: '2019-03-14' }], { name: 'Sam Sample', agency: 'Children’s Social Care' });

  await plan.goToSection('Chronology');
  await expect(panel.getByText('No entries yet.')).toBeVisible();
  await expectNoAxeViolations(panel, 'chronology, empty');

  // The chronology: entries out of date order come back sorted.
  const chronology = new ChronologyPage(panel);
  await expect(chronology.form.getByLabel('Source agency')).toHaveValue('Children’s Social Care');
  await chronology.form.getByRole('button', { name: 'Add entry' }).click();
  await expect(chronology.form.locator('.field-error')).toHaveText([
    'Enter the date of the event, with day, month and year.',
    'Enter what happened.',
  ]);
  await expectNoAxeViolations(panel, 'chronology, empty form refused');
  await chronology.add({ date: iso(subDays(now, 50)), event: 'Missed health check', agency: 'Health' });
  await chronology.add({ date: iso(subDays(now, 100)), event: 'Referral from school', agency: 'Education' });
  await chronology.add({ date: iso(subDays(now, 70)), event: 'Police called to the home', agency: 'Police', link: 'javascript:alert(1)' });
  await expect(chronology.form.locator('.field-error')).toHaveText('The source link must be a web address starting with https:// or http://.');
  await expect(chronology.form.getByLabel('What happened')).toHaveValue('Police called to the home');
  await expect(chronology.events()).toHaveCount(2);
  await expectNoAxeViolations(panel, 'chronology, bad link');
  await chronology.form.getByLabel('Link to the source record (optional)').fill('https://records.example.org/incident/42');
  await chronology.form.getByRole('button', { name: 'Add entry' }).click();
  await expect(chronology.events()).toHaveText(['Referral from school', 'Police called to the home', 'Missed health check']);
  const link = chronology.entry('Police called to the home').getByRole('link', { name: /Source record on records.example.org/ });
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(link).toHaveAttribute('href', 'https://records.example.org/incident/42');
  await expect(chronology.entry('Missed health check')).toContainText('Added by Sam Sample');

  await panel.getByLabel('Show entries from').selectOption('Police');
  await expect(chronology.events()).toHaveText(['Police called to the home']);
  await expect(panel.getByText('1 of 3 entries, from Police')).toBeVisible();
  await panel.getByLabel('Show entries from').selectOption('');
  await expect(chronology.events()).toHaveCount(3);

  // Edit a date: the entry moves to its place. Remove one and undo.
  await panel.getByRole('button', { name: /^Edit the entry of .* from Health$/ }).click();
  const editForm = panel.getByRole('group', { name: /^Edit the entry of/ });
  await fillDate(dateInput(editForm, 'Date'), iso(subDays(now, 120)));
  await editForm.getByRole('button', { name: 'Save changes' }).click();
  await expect(chronology.events()).toHaveText(['Missed health check', 'Referral from school', 'Police called to the home']);
  await expect(panel.getByRole('button', { name: /^Edit the entry of .* from Health$/ })).toBeFocused();
  await panel.getByRole('button', { name: /^Remove the entry of .* from Education$/ }).click();
  await expect(chronology.events()).toHaveCount(2);
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(chronology.events()).toHaveCount(3);
  await plan.expectSaved();
  await expectNoAxeViolations(panel, 'chronology, populated');
  await screenshot(panel, 'chronology');

  // Reload: everything is still there.
  await panel.reload();
  await plan.expectOpen('Testington');
  await expect(chronology.events()).toHaveText(['Missed health check', 'Referral from school', 'Police called to the home']);

  // At the side panel's narrowest (320 px) nothing scrolls sideways.
  await panel.setViewportSize({ width: 320, height: 900 });
  await plan.goToSection('Chronology');
  await expectNoSidewaysScroll(panel, 'chronology at 320 px');
  await screenshot(panel, 'chronology-320');
});
