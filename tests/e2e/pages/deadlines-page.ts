/** Page objects: What's due, next dates in Meetings, timescale profiles and the pretend date in Settings, and the badge. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { ExtensionBrowser } from '../support/browser.ts';
import { dateInput, fillDate } from './date-input.ts';

export class SettingsDeadlinesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'About you' }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: 'Timescale profiles' })).toBeVisible();
  }

  get pretendForm(): Locator {
    return this.page.getByRole('region', { name: 'Pretend today is another date' });
  }

  async pretendTodayIs(date: string): Promise<void> {
    await fillDate(dateInput(this.pretendForm, 'Pretend today is'), date);
    await this.pretendForm.getByRole('button', { name: 'Pretend it is this date' }).click();
  }

  /** The banner at the top of every page while a pretend date is on. */
  get banner(): Locator {
    return this.page.getByRole('complementary', { name: 'Pretend date' });
  }

  get copyForm(): Locator {
    return this.page.getByRole('group', { name: 'Copy a profile' });
  }

  async copyProfile(base: string, name: string): Promise<void> {
    await this.copyForm.getByLabel('Profile to copy').selectOption({ label: base });
    await this.copyForm.getByLabel('Name of your copy').fill(name);
    await this.copyForm.getByRole('button', { name: 'Make a copy' }).click();
  }

  /** The editor's fieldset for one rule, by its title and what it counts from ("First core group, after the initial conference"). */
  rule(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true });
  }
}

export class DueSectionPage {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.getByRole('region', { name: 'What’s due' });
  }

  /** The items under a group heading ("Overdue (6)", "Coming up (5)"). */
  group(heading: RegExp): Locator {
    return this.section.getByRole('heading', { level: 3, name: heading }).locator('xpath=following-sibling::ul[1]').getByRole('listitem');
  }

  item(title: string): Locator {
    return this.section.getByRole('listitem').filter({ hasText: title });
  }
}

export class NextDatesPage {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Next dates' });
  }

  proposal(title: string): Locator {
    return this.region.getByRole('listitem').filter({ hasText: title });
  }
}

/** The toolbar badge's text, read in the service worker (the test cannot see the toolbar). */
export async function badgeText(ext: ExtensionBrowser): Promise<string> {
  const [worker] = ext.context.serviceWorkers();
  if (!worker) return '';
  return worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));
}

/** The toolbar button's tooltip, read in the service worker. */
export async function badgeTitle(ext: ExtensionBrowser): Promise<string> {
  const [worker] = ext.context.serviceWorkers();
  if (!worker) return '';
  return worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getTitle(d: object): Promise<string> } } }).chrome.action.getTitle({}));
}
