/**
 * Page object: the timescales a plan counts with, under What's due: the profile chooser and the
 * notice that says whether the core group shares them ("Share this plan's timescales with the
 * core group", "Use my updated profile for this plan").
 */
import type { Locator, Page } from '@playwright/test';

export class PlanTimescalesPage {
  constructor(readonly page: Page) {}

  get group(): Locator {
    return this.page.getByRole('group', { name: 'Timescales for this plan' });
  }

  /** The chooser: its value is the profile id the plan names. */
  get profile(): Locator {
    return this.group.getByLabel('Timescales', { exact: true });
  }

  /** The notice explaining the plan's timescales (role note), when there is something to say. */
  get notice(): Locator {
    return this.group.getByRole('note');
  }

  get shareButton(): Locator {
    return this.group.getByRole('button', { name: 'Share this plan’s timescales with the core group' });
  }

  get updateButton(): Locator {
    return this.group.getByRole('button', { name: 'Use my updated profile for this plan' });
  }
}
