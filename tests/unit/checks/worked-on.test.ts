import { describe, expect, it } from 'vitest';
import { markAllWorkedOn, markWorkedOn, parseWorkedOn, shownSections, showsFindings, workedOnSource, NOTHING_WORKED_ON } from '../../../lib/checks/worked-on.ts';
import { memoryArea } from '../helpers/memory-area.ts';

const PLAN = 'a'.repeat(32);
const OTHER = 'b'.repeat(32);

describe('worked-on sections', () => {
  it('starts calm: a new plan shows no section’s findings', async () => {
    const area = memoryArea();
    const workedOn = await workedOnSource(PLAN).read(area);
    expect(workedOn).toEqual(NOTHING_WORKED_ON);
    expect(shownSections({ 'core-group': 1, contingency: 3 }, workedOn)).toEqual({});
  });

  it('shows a section once it is edited, only for that plan, and writes once', async () => {
    const area = memoryArea();
    let writes = 0;
    area.onChanged(() => writes++);
    await markWorkedOn(area, PLAN, 'contingency');
    await markWorkedOn(area, PLAN, 'contingency');
    const workedOn = await workedOnSource(PLAN).read(area);
    expect(writes).toBe(1);
    expect(shownSections({ 'core-group': 1, contingency: 3 }, workedOn)).toEqual({ contingency: 3 });
    expect(showsFindings(await workedOnSource(OTHER).read(area), 'contingency')).toBe(false);
  });

  it('shows every section once the member asks to agree the plan, keeping what was edited', async () => {
    const area = memoryArea();
    await markWorkedOn(area, PLAN, 'family');
    await markAllWorkedOn(area, PLAN);
    const workedOn = await workedOnSource(PLAN).read(area);
    expect(workedOn).toEqual({ sections: ['family'], all: true });
    expect(shownSections({ 'core-group': 1, contingency: 3 }, workedOn)).toEqual({ 'core-group': 1, contingency: 3 });
  });

  it('reads anything malformed as nothing worked on, and drops entries that are not section ids', () => {
    expect(parseWorkedOn('everything')).toEqual(NOTHING_WORKED_ON);
    expect(parseWorkedOn(null)).toEqual(NOTHING_WORKED_ON);
    expect(parseWorkedOn({ sections: ['family', 7, 'x'.repeat(500)], all: 'yes' })).toEqual({ sections: ['family'], all: false });
  });
});
