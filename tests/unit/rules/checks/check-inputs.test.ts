import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECK_SETTINGS, isActionOpen, readList, readRecord, readText, resolveSettings } from '../../../../lib/rules/checks/check-inputs.ts';

describe('isActionOpen', () => {
  it.each([
    [undefined, true],
    ['open', true],
    ['in progress', true],
    ['done', false],
    // Status words come from people and peers: case and spacing do not matter.
    [' Completed ', false],
    ['CANCELLED', false],
    [42, true],
  ])('%j is open: %s', (status, open) => {
    expect(isActionOpen(status)).toBe(open);
  });
});

describe('resolveSettings', () => {
  it('fills in defaults', () => {
    expect(resolveSettings(undefined)).toEqual(DEFAULT_CHECK_SETTINGS);
  });

  it('keeps valid settings and replaces unusable ones with the default', () => {
    expect(resolveSettings({ maxSentenceWords: 30, minDescriptionWords: -1, maxOpenActionsPerOwnerWeek: Number.NaN })).toEqual({
      ...DEFAULT_CHECK_SETTINGS,
      maxSentenceWords: 30,
    });
  });
});

describe('readText, readList and readRecord', () => {
  it('read a mistyped value as empty instead of throwing', () => {
    expect(readText(12)).toBe('');
    expect(readList('not a list')).toEqual([]);
    expect(readRecord(null)).toEqual({});
    expect(readText('as typed ')).toBe('as typed ');
  });
});
