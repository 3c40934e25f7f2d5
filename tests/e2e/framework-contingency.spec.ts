/**
 * Journey: a practitioner writes the contingency plan with formatted text and the contact
 * arrangements; a refused arrangement is explained; axe-core finds nothing on any of it; after a
 * reload it is all there.
 */
import { openNewPlan } from './support/new-plan.ts';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { AVA_AND_LEO, FrameworkSectionsPage, formattedTextFor as textFor } from './pages/framework-sections-page.ts';

test('contingency and contact are written, a refused arrangement is explained, and all is kept after a reload', async ({ panel }) => {
  const { plan } = await openNewPlan(panel, AVA_AND_LEO);
  const fw = new FrameworkSectionsPage(panel);

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
});
