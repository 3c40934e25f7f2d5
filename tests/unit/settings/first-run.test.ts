import { describe, expect, it } from 'vitest';
import { asksWhoYouAre, firstRunSource, saveFirstRunAnswer } from '../../../lib/settings/first-run.ts';
import { EMPTY_IDENTITY } from '../../../lib/settings/identity.ts';
import { memoryArea } from '../helpers/memory-area.ts';

describe('the first-run question', () => {
  it('is asked on a device where nobody answered it and no name is declared', async () => {
    const area = memoryArea();
    expect(asksWhoYouAre(await firstRunSource.read(area), EMPTY_IDENTITY)).toBe(true);
  });

  it.each(['saved', 'skipped'] as const)('is never asked again once %s', async (answer) => {
    const area = memoryArea();
    await saveFirstRunAnswer(area, answer);
    expect(await firstRunSource.read(area)).toBe(answer);
    expect(asksWhoYouAre(await firstRunSource.read(area), EMPTY_IDENTITY)).toBe(false);
  });

  it('is not asked of a member who already said who they are, and reads anything odd as unanswered', async () => {
    const area = memoryArea();
    expect(asksWhoYouAre(undefined, { name: 'Priya Shah', agency: 'Health', role: '' })).toBe(false);
    await area.set({ 'first-run': { answer: 'saved' } });
    expect(await firstRunSource.read(area)).toBeUndefined();
  });
});
