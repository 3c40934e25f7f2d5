/**
 * Journey: a practitioner fills the family section (people, category, status); refused input is
 * explained and saves nothing; axe-core finds nothing on any of it; after a reload it is all there.
 * (The framework's columns and scaling: framework-columns-and-scaling.spec.ts; contingency and
 * contact: framework-contingency.spec.ts.)
 */
import { openNewPlan } from './support/new-plan.ts';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { AVA_AND_LEO, FrameworkSectionsPage } from './pages/framework-sections-page.ts';

test('family: people, category and status are filled, refused input is explained, and all is kept after a reload', async ({ panel }) => {
  const { plan } = await openNewPlan(panel, AVA_AND_LEO);
  const fw = new FrameworkSectionsPage(panel);

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
  await plan.expectSaved();
  await panel.screenshot({ path: '.tmp/screens/framework-family.png', fullPage: true });

  // Reload: all there.
  await panel.reload();
  await plan.expectOpen('Testington');
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
