/**
 * Journey: a practitioner fills every Strengthening Families column with formatted text and gives
 * scaling scores for two people over time; a refused score is explained and adds nothing; axe-core
 * finds nothing on any of it; after a reload it is all there.
 */
import { openNewPlan } from './support/new-plan.ts';
import { test, expect, expectNoAxeViolations } from './fixtures.ts';
import { AVA_AND_LEO, FrameworkSectionsPage, formattedTextFor as textFor } from './pages/framework-sections-page.ts';

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

test('Strengthening Families: every column formatted, scaling scores over time, refused scores explained, all kept after a reload', async ({ panel }) => {
  const { plan } = await openNewPlan(panel, AVA_AND_LEO);
  const fw = new FrameworkSectionsPage(panel);

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
  await plan.expectSaved();
  await panel.screenshot({ path: '.tmp/screens/framework-columns.png', fullPage: true });
  await fw.scoreChart.screenshot({ path: '.tmp/screens/framework-chart.png' });

  // Reload: all there.
  await panel.reload();
  await plan.expectOpen('Testington');
  await plan.goToSection('Strengthening Families');
  for (const label of COLUMNS) await fw.expectFormatted(label, textFor(label));
  await expect(fw.scoreTable.getByRole('row')).toHaveCount(5);
  await expect(fw.scoreTable).toContainText('Worried about money');
  await expect(fw.scoreChart.locator('polyline')).toHaveCount(2);
});
