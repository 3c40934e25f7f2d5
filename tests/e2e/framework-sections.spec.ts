/**
 * Journey: a practitioner fills the family section (people, category, status), every Strengthening
 * Families column with formatted text, scaling scores for two people over time, and the contingency
 * and contact section; refused input is explained and saves nothing; axe-core finds nothing on any
 * of it; after a reload everything is still there.
 */
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { PlanListPage } from './pages/plan-list-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { FrameworkSectionsPage, type FormattedText } from './pages/framework-sections-page.ts';

const COLUMNS = [
  'Strengths and protective factors',
  'Physical abuse',
  'Emotional abuse',
  'Sexual abuse',
  'Neglect',
  'Grey areas',
  'Complicating factors',
  'What is life like through their eyes',
  'What we are worried will happen to the children if nothing changes',
] as const;
const textFor = (label: string): FormattedText => ({
  intro: `About ${label.toLowerCase()}.`,
  bold: `Agreed at core group: ${label.slice(0, 12)}.`,
  bullets: [`First point for ${label.slice(0, 10)}`, 'Second point'],
});

test('family, framework, scaling, contingency and contact are filled, checked and kept after a reload', async ({ panel }) => {
  await new PlanListPage(panel).createPlan('Testington', [
    { name: 'Ava', dob: '2017-04-02' },
    { name: 'Leo', dob: '2021-09-15' },
  ]);
  const plan = new PlanPage(panel);
  const fw = new FrameworkSectionsPage(panel);
  await plan.expectOpen('Testington');

  // Family: a person with no name is refused and nothing is added.
  await fw.addPersonForm.getByRole('button', { name: 'Add person' }).click();
  await expect(fw.addPersonForm).toContainText('Enter the person’s name.');
  await expect(fw.addPersonForm).toContainText('Choose whether they are a parent, a carer or another significant person.');
  await expect(fw.addPersonForm.getByLabel('Name', { exact: true })).toBeFocused();
  await expect(panel.getByText('No one added yet.')).toBeVisible();
  await expectNoAxeViolations(panel, 'family: person refused');

  await fw.addPerson({ name: 'Jo Testington', kind: 'Parent', relationship: 'Mother', contact: '07700 900123' });
  await expect(fw.person('Jo Testington')).toBeVisible();
  await fw.addPerson({ name: 'Pat Exampleton', kind: 'Other significant person', relationship: 'Grandmother' });
  await expect(fw.person('Pat Exampleton').getByLabel('Relationship to the children')).toHaveValue('Grandmother');
  // A removal can be undone.
  await fw.person('Pat Exampleton').getByRole('button', { name: 'Remove Pat Exampleton' }).click();
  await expect(fw.person('Pat Exampleton')).toHaveCount(0);
  await expectNoAxeViolations(panel, 'family: person removed, undo offered');
  await panel.getByRole('status').filter({ hasText: 'Removed Pat Exampleton.' }).getByRole('button', { name: 'Undo' }).click();
  await expect(fw.person('Pat Exampleton').getByLabel('Parent, carer or other')).toHaveValue('significant');

  // Category: a second category without a reason is refused and not saved.
  await fw.category.getByRole('radio', { name: 'Neglect' }).check();
  await fw.category.getByRole('checkbox', { name: 'Emotional abuse' }).check();
  await fw.category.getByRole('button', { name: 'Save category' }).click();
  const reason = fw.category.getByLabel('Why this plan needs more than one category');
  await expect(fw.category).toContainText('Give the reason this plan needs more than one category. Emotional abuse has not been added.');
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(panel, 'family: second category refused');
  await panel.screenshot({ path: '.tmp/screens/framework-category-refused.png', fullPage: true });
  await fw.category.getByRole('button', { name: 'Cancel changes' }).click();
  await expect(fw.category.getByRole('radio', { name: 'Neglect' })).not.toBeChecked();
  await expect(fw.category.getByRole('checkbox', { name: 'Emotional abuse' })).not.toBeChecked();
  // …then given with its reason.
  await fw.category.getByRole('radio', { name: 'Neglect' }).check();
  await fw.category.getByRole('checkbox', { name: 'Emotional abuse' }).check();
  await reason.fill('Ava describes being shouted at daily, and the home has had no food on three visits.');
  await fw.category.getByRole('button', { name: 'Save category' }).click();
  await expect(fw.category.getByRole('status')).toHaveText('Category saved.');

  // Status: ending needs a reason and a date; moving to detailed does not.
  await fw.status.getByRole('radio', { name: 'Ended' }).check();
  await fw.status.getByRole('button', { name: 'Save status' }).click();
  await expect(fw.status).toContainText('Choose why the plan is ending.');
  await expect(fw.status).toContainText('Enter the date the plan ended.');
  await expectNoAxeViolations(panel, 'family: ending refused');
  await fw.status.getByRole('radio', { name: 'Detailed' }).check();
  await fw.status.getByRole('button', { name: 'Save status' }).click();
  await expect(fw.status).toContainText('The plan is detailed.');
  await expectNoAxeViolations(panel, 'family: populated');
  await fw.expectReflowsAt(320);
  await panel.screenshot({ path: '.tmp/screens/framework-family.png', fullPage: true });

  // Strengthening Families: every column, formatted.
  await plan.goToSection('Strengthening Families');
  for (const label of COLUMNS) await fw.writeFormatted(label, textFor(label));
  for (const label of COLUMNS) await fw.expectFormatted(label, textFor(label));

  // Scaling: a bad score and a future date are explained; nothing is added.
  await fw.addScore({ person: 'Jo Testington', score: '11', date: '2099-01-01' });
  await expect(fw.addScoreForm).toContainText('The score must be from 0 to 10.');
  await expect(fw.addScoreForm).toContainText('The date the score was given is in the future.');
  await expect(fw.addScoreForm.getByLabel('Score (0 to 10)')).toBeFocused();
  await expect(panel.getByText('No scores yet.')).toBeVisible();
  await expect(fw.scoreChart).toHaveCount(0);
  await expectNoAxeViolations(panel, 'framework: score refused');
  await fw.addScoreForm.screenshot({ path: '.tmp/screens/framework-score-refused.png' });

  await fw.addScore({ person: 'Jo Testington', score: '3', date: '2025-01-10', note: 'Worried about money' });
  await fw.addScore({ person: 'Sam Sample', agency: 'Children’s Social Care', score: '2', date: '2025-01-10' });
  await fw.addScore({ person: 'Jo Testington', score: '5', date: '2025-03-14' });
  await fw.addScore({ person: 'Sam Sample', agency: 'Children’s Social Care', score: '4', date: '2025-03-14' });
  await expect(fw.scoreTable.getByRole('row')).toHaveCount(5);
  await expect(fw.scoreChart).toBeVisible();
  await expect(fw.scoreChart).toHaveAccessibleDescription(
    'Jo Testington: 3 on 10 January 2025, 5 on 14 March 2025. Sam Sample: 2 on 10 January 2025, 4 on 14 March 2025.',
  );
  await expect(fw.scoreChart.locator('polyline')).toHaveCount(2);
  await expectNoAxeViolations(panel, 'framework: populated');
  await fw.expectReflowsAt(320, { path: '.tmp/screens/framework-scaling-320.png', of: fw.scaling });
  await panel.screenshot({ path: '.tmp/screens/framework-columns.png', fullPage: true });
  await fw.scoreChart.screenshot({ path: '.tmp/screens/framework-chart.png' });

  // Contingency and contact.
  await plan.goToSection('Contingency and contact');
  const contingency = textFor('What will happen if things do not get better');
  await fw.writeFormatted('What will happen if things do not get better', contingency);
  await panel.getByLabel('How often the lead social worker visits and sees the child').fill('Every 10 working days, one visit unannounced');
  await panel.getByLabel('How the child is seen alone').fill('Ava in her bedroom at each visit; Leo at nursery');
  await fw.addContactForm.getByRole('button', { name: 'Add contact arrangement' }).click();
  await expect(fw.addContactForm).toContainText('Enter who has the contact');
  await expectNoAxeViolations(panel, 'contingency: contact refused');
  await fw.addContact({ who: 'School nurse', withWhom: 'Ava', frequency: 'Every half term', seenAlone: true });
  await fw.addContact({ who: 'Pat Exampleton', withWhom: 'Ava and Leo', frequency: 'Every Saturday', seenAlone: false, notes: 'At her flat' });
  await expect(fw.contact('School nurse with Ava')).toBeVisible();
  await expectNoAxeViolations(panel, 'contingency: populated');
  await fw.expectReflowsAt(320);
  await plan.expectSaved();
  await panel.screenshot({ path: '.tmp/screens/framework-contingency.png', fullPage: true });

  // Reload: all there.
  await panel.reload();
  await plan.expectOpen('Testington');
  await expect(fw.contact('School nurse with Ava').getByLabel('The child is seen alone')).toBeChecked();
  await expect(fw.contact('Pat Exampleton with Ava and Leo').getByLabel('Notes')).toHaveValue('At her flat');
  await expect(fw.contact('Pat Exampleton with Ava and Leo').getByLabel('The child is seen alone')).not.toBeChecked();
  await expect(panel.getByLabel('How the child is seen alone')).toHaveValue('Ava in her bedroom at each visit; Leo at nursery');
  await expect(panel.getByLabel('How often the lead social worker visits and sees the child')).toHaveValue('Every 10 working days, one visit unannounced');
  await fw.expectFormatted('What will happen if things do not get better', contingency);

  await plan.goToSection('Strengthening Families');
  for (const label of COLUMNS) await fw.expectFormatted(label, textFor(label));
  await expect(fw.scoreTable.getByRole('row')).toHaveCount(5);
  await expect(fw.scoreTable).toContainText('Worried about money');
  await expect(fw.scoreChart.locator('polyline')).toHaveCount(2);

  await plan.goToSection('Family and children');
  await expect(fw.person('Jo Testington').getByLabel('Phone or email')).toHaveValue('07700 900123');
  await expect(fw.person('Jo Testington').getByLabel('Parent, carer or other')).toHaveValue('parent');
  await expect(fw.person('Pat Exampleton')).toBeVisible();
  await expect(fw.category.getByRole('radio', { name: 'Neglect' })).toBeChecked();
  await expect(fw.category.getByRole('checkbox', { name: 'Emotional abuse' })).toBeChecked();
  await expect(fw.category.getByLabel('Why this plan needs more than one category')).toHaveValue(/no food on three visits/);
  await expect(fw.status).toContainText('The plan is detailed.');
  await expect(fw.status.getByRole('radio', { name: 'Detailed' })).toBeChecked();
});
