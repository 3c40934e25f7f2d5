/**
 * Who changed the plan, as the version comparison shows it: verified members by name, changes from
 * before verification marked "(not verified)", and the declared names of a legacy plan as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import axe from 'axe-core';
import ChangedByList from '../../../components/history/ChangedByList.svelte';
import type { ChangedBy } from '../../../lib/history/changed-by.ts';

let shown: ReturnType<typeof mount> | undefined;
afterEach(() => {
  if (shown) unmount(shown);
  shown = undefined;
  document.body.innerHTML = '';
});

function render(changedBy: ChangedBy): string[] {
  // In the app it sits in the plan view's main landmark.
  const main = document.body.appendChild(document.createElement('main'));
  shown = mount(ChangedByList, { target: main, props: { changedBy } });
  flushSync();
  return [...document.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
}

describe('ChangedByList', () => {
  it('names verified members, and marks names from copies that were not verified', () => {
    const items = render({
      authors: [{ name: 'Asha Patel', agency: 'Riverside Primary' }],
      undeclared: 1,
      verified: true,
      unverified: [{ name: 'Priya Nurse', agency: 'Health' }],
    });
    expect(items).toEqual(['Asha Patel, Riverside Primary', 'Priya Nurse, Health (not verified)', 'Changes from one copy of the plan where no name was declared']);
    expect(document.querySelector('.hint')!.textContent).toContain('named by their devices’ keys');
  });

  it('passes axe-core (colour contrast is checked in the browser: happy-dom computes no colours)', async () => {
    render({ authors: [{ name: 'Asha Patel', agency: 'Riverside Primary' }], undeclared: 2, verified: true, unverified: [{ name: 'Priya Nurse', agency: 'Health' }] });
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('keeps the declared names of a legacy plan, saying they are not checked', () => {
    const items = render({ authors: [{ name: 'Sam Social', agency: 'CSC' }], undeclared: 0 });
    expect(items).toEqual(['Sam Social, CSC']);
    expect(document.body.textContent).not.toContain('not verified');
    expect(document.querySelector('.hint')!.textContent).toContain('names are not checked');
  });

  it('says when nobody changed anything', () => {
    expect(render({ authors: [], undeclared: 0, verified: true, unverified: [] })).toEqual([]);
    expect(document.body.textContent).toContain('No member’s copy of the plan added anything');
  });
});
