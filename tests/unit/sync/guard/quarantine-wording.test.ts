import { describe, expect, it } from 'vitest';
import { describeQuarantined, readOnlyReason } from '../../../../lib/sync/guard/quarantine-wording.ts';
import { parseGuardRecord, serialiseGuardRecord } from '../../../../lib/sync/guard/quarantine.ts';

const entry = (records: number, text: number, versions: number) => ({ id: 'q', receivedAt: 0, bytes: new Uint8Array(), removal: { records, text, versions } });

describe('quarantine wording', () => {
  it('says what would be removed and that nothing changed yet', () => {
    const words = describeQuarantined(entry(12, 1500, 0));
    expect(words.title).toBe('A colleague’s copy removed most of the plan');
    expect(words.detail).toContain('12 records and 1,500 characters of text');
    expect(words.detail).toContain('your copy is unchanged');
  });

  it('names a removed saved version in the title', () => {
    expect(describeQuarantined(entry(0, 0, 1)).title).toContain('saved version');
    expect(describeQuarantined(entry(1, 0, 1)).detail).toContain('1 record and 1 saved version');
  });

  it('opens a damaged or newer plan read-only, saying why; a current one is editable', () => {
    expect(readOnlyReason('damaged')).toContain('intact');
    expect(readOnlyReason('newer')).toContain('newer version');
    expect(readOnlyReason('current')).toBeNull();
  });
});

describe('stored guard record', () => {
  it('round-trips, and drops what is malformed (stored data is untrusted)', () => {
    const record = { quarantined: [entry(3, 0, 0)], declined: new Map([[7, [{ clock: 1, len: 4 }]]]) };
    const back = parseGuardRecord(structuredClone(serialiseGuardRecord(record)));
    expect(back.quarantined).toHaveLength(1);
    expect(back.declined.get(7)).toEqual([{ clock: 1, len: 4 }]);
    expect(parseGuardRecord({ quarantined: [{ id: 1 }, null], declined: [[1, -1, 2], 'x'] })).toEqual({ quarantined: [], declined: new Map() });
  });
});
