/**
 * A core group member editing the plan during a meeting, through the real UI (clicks and the
 * keyboard, never the document directly): a keystroke every 100–300 ms, a few seconds' thought
 * between things, a move to another section every 20–40 s. All choices come from a seeded random
 * generator, so a run's sequence of actions can be replayed (its timing cannot: two browsers).
 *
 * Bounded on purpose: what a member types into a field they also take out again (a sentence typed
 * and then deleted with Backspace, an address retyped over the old one), each member keeps at most
 * two chronology entries of their own (removing the oldest when adding a third) and adds at most
 * two actions, then edits them. The plan's visible content therefore stays about the same size
 * however long the run; what grows is the document's history (Yjs keeps a tombstone for every
 * deleted character and overwritten value), which the soak reports separately.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Random } from '../../tests/support/seeded-random.ts';
import { ChronologyPage } from '../../tests/e2e/pages/meetings-page.ts';
import { OutcomesPage } from '../../tests/e2e/pages/outcomes-page.ts';
import type { Member } from './shared-plan.ts';

/** The outcome every member adds actions to; created once by `addSharedOutcome`. */
const OUTCOME = 'Ava is at school on time every day';
const OUTCOME_DOMAIN = "The child's developmental needs";

/** The Strengthening Families fields, by their labels in components/sections/FrameworkSection.svelte. */
const FRAMEWORK_FIELDS = [
  'Strengths and protective factors',
  'Physical abuse',
  'Emotional abuse',
  'Neglect',
  'Grey areas',
  'Complicating factors',
  'What is life like through their eyes',
  'What we are worried will happen to the children if nothing changes',
];
const CONTINGENCY_FIELD = 'What will happen if things do not get better';

const SENTENCES = [
  'Ava says she likes her new teacher and wants to stay at Oak Tree Primary.',
  'Mum attended every parenting session this month.',
  'Grandmother collects Ava from school on Fridays.',
  'The health visitor saw Ava alone at home; her room was warm and tidy.',
  'Dad has not kept to the agreed contact times twice this month.',
  'School report Ava is tired on Mondays after weekends away.',
  'Ava told her teacher she feels safe when Nan is there.',
  'The family moved to a two-bedroom flat with a garden.',
];
const EVENTS = [
  'Home visit by the social worker; Ava seen alone',
  'School reported Ava arrived late and hungry',
  'Health visitor weighed Ava; growth on track',
  'Police attended a noise complaint at the address',
  'Mum started the parenting course',
];
const ACTIONS = ['Nan walks Ava to school on Mondays', 'School rings Mum by 9.30 if Ava is not in'];
const ADDRESSES = ['12 Sample Road, Testbury', '3 Example Close, Testbury', 'Flat 4, 18 Mill Lane, Testbury'];

export interface MeetingCounts {
  /** Edits to the shared plan: keystrokes into plan fields, records added and removed. */
  edits: number;
  /** Every key pressed, drafts of new chronology entries included. */
  keystrokes: number;
  /** Sections opened. */
  visits: number;
}

export interface MeetingMember {
  readonly counts: MeetingCounts;
  /** Edits, section by section, until `until` (Date.now() ms); the thing in hand is finished. */
  editUntil(until: number): Promise<void>;
  /** Opens each section the meeting uses once, so every lazily loaded section chunk is loaded. */
  visitEverySection(): Promise<void>;
}

/** Member A, once, before the meeting: the outcome both members add actions to. */
export async function addSharedOutcome(member: Member): Promise<void> {
  await member.plan.goToSection('Outcomes and actions');
  await new OutcomesPage(member.page).addOutcome(OUTCOME_DOMAIN, {
    statement: OUTCOME,
    measure: 'School attendance above 95% each half term',
    due: '2027-07-16',
    sustainability: 'Mum keeps a morning routine without reminders',
  });
}

export function meetingMember(member: Member, initials: string, random: Random): MeetingMember {
  const { page, plan } = member;
  const counts: MeetingCounts = { edits: 0, keystrokes: 0, visits: 0 };
  const myEntries: string[] = [];
  const myActions: string[] = [];
  let entryNumber = 0;

  const richText = (label: string) => page.getByRole('textbox', { name: label, exact: true });
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (min: number, max: number) => min + random() * (max - min);
  const pause = (min: number, max: number) => page.waitForTimeout(between(min, max));

  /** Types `text` a key at a time; `edits` says whether each key changes the plan. */
  async function type(text: string, edits: boolean): Promise<void> {
    for (const key of text) {
      await page.keyboard.type(key);
      counts.keystrokes++;
      if (edits) counts.edits++;
      await pause(100, 300);
    }
  }

  async function erase(characters: number): Promise<void> {
    for (let i = 0; i < characters; i++) {
      await page.keyboard.press('Backspace');
      counts.keystrokes++;
      counts.edits++;
      await pause(100, 300);
    }
  }

  /** A sentence typed at the start or end of a rich-text field, read over, then deleted. */
  async function writeAndTakeBack(field: Locator): Promise<void> {
    await field.click();
    const atEnd = random() < 0.5;
    await page.keyboard.press(atEnd ? 'Control+End' : 'Control+Home');
    const text = atEnd ? ` ${pick(SENTENCES)}` : `${pick(SENTENCES)} `;
    await type(text, true);
    await pause(1000, 3000);
    await erase(text.length);
  }

  async function chronologyEntry(): Promise<void> {
    const chronology = new ChronologyPage(page);
    const event = `${pick(EVENTS)} (ref ${initials}-${++entryNumber})`;
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    await chronology.form.getByLabel('Date').fill(`2025-0${1 + Math.floor(random() * 9)}-${day}`);
    await chronology.form.getByLabel('What happened').click();
    await type(event, false);
    await chronology.form.getByRole('button', { name: 'Add entry' }).click();
    await expect(chronology.entry(event)).toBeVisible();
    counts.edits++;
    myEntries.push(event);
    if (myEntries.length > 2) {
      const oldest = myEntries.shift()!;
      await pause(500, 1500);
      await chronology.entry(oldest).getByRole('button', { name: /^Remove/ }).click();
      await expect(chronology.entry(oldest)).toHaveCount(0);
      counts.edits++;
    }
  }

  async function outcomeWork(): Promise<void> {
    const outcomes = new OutcomesPage(page);
    const outcome = outcomes.outcome(OUTCOME);
    // Each member's panel opens outcomes for itself; a newly opened section shows them closed.
    if (!(await outcome.evaluate((d) => (d as HTMLDetailsElement).open))) await outcome.locator('summary').click();
    if (myActions.length < ACTIONS.length) {
      const description = `${ACTIONS[myActions.length]!} (${initials})`;
      await outcome.getByRole('button', { name: /^Add an action/ }).click();
      counts.edits++;
      await expect(outcome.getByLabel('What will be done').last()).toBeFocused();
      await type(description, true);
      myActions.push(description);
      return;
    }
    const row = await outcomes.actionRow(outcome, pick(myActions));
    const measure = row.getByLabel('How it will be measured');
    await measure.click();
    await page.keyboard.press('Control+End');
    const text = ` ${pick(['Checked at each visit.', 'Register kept by the school office.', 'Nan texts the group weekly.'])}`;
    await type(text, true);
    await pause(1000, 3000);
    await erase(text.length);
  }

  async function retypeAddress(): Promise<void> {
    const address = page.getByLabel('Address', { exact: true });
    await address.click();
    await page.keyboard.press('Control+A');
    await type(pick(ADDRESSES), true);
  }

  const SECTIONS: { title: string; act(): Promise<void> }[] = [
    { title: 'Strengthening Families', act: () => writeAndTakeBack(richText(pick(FRAMEWORK_FIELDS))) },
    { title: 'Contingency and contact', act: () => writeAndTakeBack(richText(CONTINGENCY_FIELD)) },
    { title: 'Chronology', act: chronologyEntry },
    { title: 'Outcomes and actions', act: outcomeWork },
    { title: 'Family and children', act: retypeAddress },
  ];

  return {
    counts,
    async visitEverySection() {
      for (const section of SECTIONS) await plan.goToSection(section.title);
    },
    async editUntil(until) {
      while (Date.now() < until) {
        const section = pick(SECTIONS);
        await plan.goToSection(section.title);
        counts.visits++;
        const leaveAt = Math.min(until, Date.now() + between(20_000, 40_000));
        do {
          await section.act();
          await pause(1000, 4000);
        } while (Date.now() < leaveAt);
      }
    },
  };
}
