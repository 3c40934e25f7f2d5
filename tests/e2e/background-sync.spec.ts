/**
 * Journey: a member whose panel is closed still receives colleagues' edits. Bob joins a shared plan
 * and closes his panel; Alice edits; Bob's browser keeps the plan in step in the background (Chrome's
 * offscreen document, lib/background/) and saves the edit on his device. Then Bob's connection is
 * cut (the signaling server stops and Alice's browser closes) and Bob opens the plan: Alice's edit
 * is there, as it can only have arrived while his panel was closed. An action Alice adds that is
 * due today reaches Bob's toolbar badge the same way, counted without a name.
 */
import { test, expect } from '@playwright/test';
import { openMember, twoMachinesEachTest } from './support/member.ts';
import { storedPlan } from './support/stored-plan.ts';
import { PlanPage } from './pages/plan-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { CoreGroupPage, OutcomesPage } from './pages/outcomes-page.ts';
import { badgeText, badgeTitle } from './pages/deadlines-page.ts';
import { expectNoAxeViolations } from './fixtures.ts';
import { iso, now } from './support/around-today.ts';

const DEV = "The child's developmental needs";
const OWNER = 'Sam Sample (Children’s Social Care)';

const machines = twoMachinesEachTest();

test('a colleague’s edit reaches a member whose panel is closed, and is there when they open the plan offline', async () => {
  test.setTimeout(120_000);
  const a = await openMember(machines.alice, { name: 'Sam Sample', agency: 'Children’s Social Care' }, machines.server.url);
  const b = await openMember(machines.bob, { name: 'Jo Example', agency: 'Health' }, machines.server.url);

  await a.list.goto();
  await a.list.createPlan('Testington', [{ name: 'Ava', dob: '2019-03-14' }]);
  await a.plan.expectOpen('Testington');
  const link = await a.sync.share();
  await b.sync.join(link);
  await b.plan.expectOpen('Testington');
  await a.sync.expectOnlineWith(1);
  // A joining member's copy has its own local id (lib/sync/invite.ts).
  const planId = b.plan.planId();

  // Bob closes his panel. Nothing of his is open, yet his browser stays in the room.
  await b.page.close();
  await a.plan.goToSection('Family and children');
  await a.page.getByLabel('Address').fill('12 Background Lane, Sampletown');
  await a.plan.expectSaved();

  // The edit reaches Bob's device with no page of his holding the plan (read from its database
  // by a page that does not open the plan: the plan list).
  const bobsList = await machines.bob.openPage('sidepanel.html#/');
  await expect
    .poll(async () => (await storedPlan(bobsList, planId)).getMap('meta').get('address'), { timeout: 45_000 })
    .toBe('12 Background Lane, Sampletown');

  // Alice adds an action due today: Bob's badge counts it, with his panel still closed.
  const before = Number((await badgeText(machines.bob)) || '0');
  await a.plan.goToSection('Core group');
  await new CoreGroupPage(a.page).addMe();
  await a.plan.goToSection('Outcomes and actions');
  const outcomes = new OutcomesPage(a.page);
  const outcome = await outcomes.addOutcome(DEV, {
    statement: 'Ava is at school on time every day',
    measure: 'School attendance above 95% each half term',
    due: iso(new Date(now.getTime() + 120 * 86_400_000)),
    sustainability: 'Mum has a morning routine she keeps without reminders',
  });
  await outcomes.addAction(outcome, { description: 'Health visitor sees Ava at home', owner: OWNER, due: iso(now), measure: 'Visit recorded' });
  await a.plan.expectSaved();
  await expect.poll(() => badgeText(machines.bob), { timeout: 45_000 }).toBe(String(before + 1));
  expect(await badgeTitle(machines.bob)).not.toMatch(/Testington|Ava|Health visitor/);

  // Bob's connection is cut: no signaling server, no Alice.
  await machines.server.stop();
  await machines.alice.close();

  const page = await machines.bob.openPage(`sidepanel.html#/plan/${planId}/family`);
  const plan = new PlanPage(page);
  await plan.expectOpen('Testington');
  await expect(page.getByLabel('Address')).toHaveValue('12 Background Lane, Sampletown');
  await expect(new SyncPage(page).peerStatus).toContainText(/Offline|Connecting/, { timeout: 30_000 });
  await expectNoAxeViolations(page, 'plan opened offline after a background catch-up');
  await page.screenshot({ path: '.tmp/screens/background-sync-opened-offline.png', fullPage: true });
});
