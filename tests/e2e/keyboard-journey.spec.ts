/**
 * Journey: a member who uses only the keyboard says who they are, creates a plan for a family,
 * adds themselves to the core group, writes an outcome and an action they own with a due date, sees
 * it saved on this device, and writes in a rich-text field and tabs out of it. Every key press is
 * Tab, Shift+Tab, Enter, Space, an arrow or typing: locators only say where focus should be and
 * what should be on screen. At every stop the focus ring is visible, and after every action focus
 * is somewhere sensible, never dropped to <body>.
 */
import { test, expect } from './fixtures.ts';
import { PlanPage } from './pages/plan-page.ts';
import { OutcomesPage } from './pages/outcomes-page.ts';
import { expectVisibleFocus, pressAndExpectFocus, tabTo, typeDate } from './support/keyboard.ts';
import { dateBoxes, dateInput, expectDate } from './pages/date-input.ts';

const DEV = "The child's developmental needs";

test('a keyboard-only member creates a plan and adds an outcome with an action they own', async ({ panel }) => {
  const key = panel.keyboard;
  const plan = new PlanPage(panel);
  const outcomes = new OutcomesPage(panel);
  await expect(panel.getByText('No plans yet.')).toBeVisible();

  // --- First open asks who you are (the core group offers "Add me" only to a member who has said
  // who they are): answered with the keyboard, then the list carries on with focus on its heading.
  await expect(panel.getByRole('heading', { level: 2, name: 'Before you start: who are you?' })).toBeVisible();
  await tabTo(panel, panel.getByLabel('Your name'));
  await key.type('Sam Jones');
  await pressAndExpectFocus(panel, 'Tab', panel.getByLabel('Agency', { exact: true }), 'Tab from the name');
  await key.type("Children's Social Care");
  await tabTo(panel, panel.getByRole('button', { name: 'Save and continue' }));
  await key.press('Enter');
  await expect(panel.getByText('Saved. Colleagues will see your name and agency beside what you add.').first()).toBeVisible();
  await expect(panel.getByRole('heading', { level: 1, name: 'Plans on this device' })).toBeFocused();

  // --- A new plan: family name, one child (born: the radio group's arrows), created with Enter.
  await tabTo(panel, panel.getByRole('button', { name: 'New plan' }));
  await key.press('Enter');
  // The button is gone with the list: focus moves to the new view's heading, not to <body>.
  await expect(panel.getByRole('heading', { level: 1, name: 'New plan' })).toBeFocused();
  await expectVisibleFocus(panel, 'the new-plan form opened');
  await tabTo(panel, panel.getByLabel('Family name'));
  await key.type('Testington');
  const child = panel.getByRole('group', { name: 'Child 1' });
  await pressAndExpectFocus(panel, 'Tab', child.getByLabel('Name'), 'Tab to the child');
  await key.type('Ava');
  await pressAndExpectFocus(panel, 'Tab', child.getByLabel('Born', { exact: true }), 'Tab to the radio group');
  await pressAndExpectFocus(panel, 'ArrowDown', child.getByLabel('Not born yet'), 'arrow within the radio group');
  await expect(dateInput(child, 'Expected date of delivery')).toBeVisible();
  await pressAndExpectFocus(panel, 'ArrowUp', child.getByLabel('Born', { exact: true }), 'arrow back');
  await expect(child.getByLabel('Born', { exact: true })).toBeChecked();
  await pressAndExpectFocus(panel, 'Tab', dateBoxes(dateInput(child, 'Date of birth')).day, 'Tab to the day of birth');
  await typeDate(panel, '2019-03-14');
  await expectVisibleFocus(panel, 'the year of birth');
  await expectDate(dateInput(child, 'Date of birth'), '2019-03-14');
  await panel.screenshot({ path: '.tmp/screens/kbd-new-plan.png' });
  await tabTo(panel, panel.getByRole('button', { name: 'Create plan' }));
  await key.press('Enter');
  await plan.expectOpen('Testington');
  await expect(panel.getByRole('heading', { level: 1, name: 'Testington family' })).toBeFocused();
  await expectVisibleFocus(panel, 'the plan opened');

  // --- Core group, through the section navigation: "Add me".
  const sections = panel.getByRole('navigation', { name: 'Plan sections' });
  await tabTo(panel, sections.getByRole('link', { name: 'Core group', exact: true }));
  await key.press('Enter');
  await expect(panel.getByRole('heading', { level: 2, name: 'Core group' })).toBeVisible();
  await tabTo(panel, panel.getByRole('button', { name: /^Add me,/ }));
  await key.press('Enter');
  await expect(panel.getByText('You are in the core group as Sam Jones')).toBeVisible();
  // "Add me" is gone once you are in: focus goes to your new card.
  await expect(panel.getByRole('group', { name: 'Sam Jones' }).getByLabel('Name')).toBeFocused();
  await expectVisibleFocus(panel, 'after Add me');

  // --- Outcomes: add one under the first domain; focus goes to its first field.
  await tabTo(panel, sections.getByRole('link', { name: 'Outcomes and actions', exact: true }), { key: 'Shift+Tab', max: 80 });
  await key.press('Enter');
  await expect(panel.getByRole('heading', { level: 2, name: 'Outcomes and actions' })).toBeVisible();
  await tabTo(panel, outcomes.domain(DEV).getByRole('button', { name: `Add an outcome to ${DEV}` }));
  await key.press('Enter');
  const statement = outcomes.domain(DEV).getByLabel('What needs to change');
  await expect(statement).toBeFocused();
  await expectVisibleFocus(panel, 'after adding an outcome');
  await key.type('Ava is at school on time every day');
  const outcome = outcomes.outcome('Ava is at school on time every day');
  await pressAndExpectFocus(panel, 'Tab', outcome.getByLabel('How progress will be measured'), 'Tab to the measure');
  await key.type('School attendance above 95% each half term');
  await pressAndExpectFocus(panel, 'Tab', dateBoxes(dateInput(outcome, 'By when').first()).day, 'Tab to the outcome date');
  await typeDate(panel, '2027-07-16');
  await expectDate(dateInput(outcome, 'By when').first(), '2027-07-16');

  // --- An action under it: description, owner (arrow keys on the list), due date, agreed (Space).
  await tabTo(panel, outcome.getByRole('button', { name: /^Add an action/ }));
  await key.press('Enter');
  const action = outcomes.action(outcome, 1);
  await expect(action.getByLabel('What will be done')).toBeFocused();
  await expectVisibleFocus(panel, 'after adding an action');
  await key.type('Mum walks Ava to school');
  await tabTo(panel, action.getByLabel('Who will do it'));
  await key.press('ArrowDown');
  await expect(action.getByLabel('Who will do it').locator('option:checked')).toHaveText("Sam Jones (Children's Social Care)");
  await expect(action.getByLabel('Agency', { exact: true })).toHaveValue("Children's Social Care");
  await tabTo(panel, dateBoxes(dateInput(action, 'By when')).day);
  await typeDate(panel, '2027-04-30');
  await expectDate(dateInput(action, 'By when'), '2027-04-30');
  await tabTo(panel, action.getByLabel('The agency has agreed to do this'));
  await key.press('Space');
  await expect(action.getByLabel('The agency has agreed to do this')).toBeChecked();
  await panel.screenshot({ path: '.tmp/screens/kbd-action.png' });
  await plan.expectSaved();

  // --- A rich-text field takes typing and lets Tab (and Shift+Tab) leave: no keyboard trap. Its
  // formatting toolbar is one Tab stop, with arrows between the buttons.
  await tabTo(panel, sections.getByRole('link', { name: 'Strengthening Families', exact: true }), { key: 'Shift+Tab', max: 120 });
  await key.press('Enter');
  const danger = plan.dangerStatement();
  await tabTo(panel, danger);
  await key.type('Ava could be hurt when the adults argue.');
  await panel.screenshot({ path: '.tmp/screens/kbd-rich-text.png' });
  await key.press('Tab');
  await expect(danger).not.toBeFocused();
  await expect(danger).toHaveText('Ava could be hurt when the adults argue.');
  await expectVisibleFocus(panel, 'Tab out of the rich-text field');
  await pressAndExpectFocus(panel, 'Shift+Tab', danger, 'Shift+Tab back into the rich-text field');
  const toolbar = panel.getByRole('toolbar', { name: 'Formatting for What we are worried will happen to the children if nothing changes' });
  await pressAndExpectFocus(panel, 'Shift+Tab', toolbar.getByRole('button', { name: 'Bold' }), 'Shift+Tab to the toolbar');
  await pressAndExpectFocus(panel, 'ArrowRight', toolbar.getByRole('button', { name: 'Italic' }), 'arrow along the toolbar');
  await pressAndExpectFocus(panel, 'End', toolbar.getByRole('button', { name: 'Redo' }), 'End of the toolbar');
  await pressAndExpectFocus(panel, 'ArrowRight', toolbar.getByRole('button', { name: 'Bold' }), 'arrow wraps round');
  await key.press('Shift+Tab');
  // Out of the toolbar in one press; with focus outside the field its toolbar goes (one toolbar, for the field with focus).
  await expect(toolbar, 'Shift+Tab leaves the toolbar in one press').toHaveCount(0);
  await expectVisibleFocus(panel, 'Shift+Tab out of the toolbar');
  await plan.expectSaved();
});
