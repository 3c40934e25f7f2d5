/** Page object: "About you", where a member declares who they are. */
import { expect, type Page } from '@playwright/test';

export interface DeclaredIdentity {
  name: string;
  agency: string;
  role?: string;
}

/** Opens "About you" from the navigation, fills it in and saves; waits for the confirmation. */
export async function declareIdentity(page: Page, who: DeclaredIdentity): Promise<void> {
  await page.getByRole('link', { name: 'About you' }).click();
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('Agency', { exact: true }).fill(who.agency);
  if (who.role) await page.getByLabel(/^Role/).fill(who.role);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved. Colleagues will see you as ${who.name}` })).toBeVisible();
}
