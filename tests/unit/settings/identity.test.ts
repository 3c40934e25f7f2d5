import { describe, expect, it } from 'vitest';
import { EMPTY_IDENTITY, loadIdentity, saveIdentity, validateIdentity } from '../../../lib/settings/identity.ts';
import { memoryArea } from '../helpers/memory-area.ts';

describe('saveIdentity / loadIdentity', () => {
  it('round-trips a trimmed identity, and starts empty', async () => {
    const area = memoryArea();
    expect(await loadIdentity(area)).toEqual(EMPTY_IDENTITY);
    await saveIdentity(area, { name: ' Sam Sample ', agency: 'Health', role: 'Health visitor' });
    expect(await loadIdentity(area)).toEqual({ name: 'Sam Sample', agency: 'Health', role: 'Health visitor' });
  });
});

describe('validateIdentity', () => {
  it('asks for a name and an agency; the role is optional', () => {
    expect(validateIdentity({ name: '', agency: ' ', role: '' }).map((p) => p.field)).toEqual(['name', 'agency']);
    expect(validateIdentity({ name: 'Sam', agency: 'Police', role: '' })).toEqual([]);
  });
});
