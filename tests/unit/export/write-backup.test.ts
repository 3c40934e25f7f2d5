import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeBackup } from '../../../lib/export/write-backup.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, backupFileName } from '../../../lib/export/backup-format.ts';
import { decodeBase64 } from '../../../lib/export/base64.ts';
import { SCHEMA_VERSION, planRoots, readMeta } from '../../../lib/plan/index.ts';
import { testingtonPlan } from './plan-fixture.ts';
import { memoisedDeriveKey } from './derive-key-memo.ts';

const deriveKey = memoisedDeriveKey();

describe('writeBackup', () => {
  it('writes the format, versions, date, the whole Yjs state and a readable copy', async () => {
    const { doc } = testingtonPlan();
    const file = JSON.parse(await writeBackup(doc, { exportedAt: '2026-06-01' }));
    expect(file).toMatchObject({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: SCHEMA_VERSION, exportedAt: '2026-06-01', encrypted: false });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, decodeBase64(file.state)!);
    expect(readMeta(copy).familyName).toBe('Testington');
    expect(file.plan.meta.familyName).toBe('Testington');
    expect(file.plan.text['harm-neglect']).toBe('Ava has missed three health appointments.');
  });

  it('keeps the plan’s own schema version, so a plan from a newer version is never labelled older', async () => {
    const { doc } = testingtonPlan();
    planRoots(doc).meta.set('schemaVersion', SCHEMA_VERSION + 1);
    expect(JSON.parse(await writeBackup(doc, { exportedAt: '2026-06-01' })).schemaVersion).toBe(SCHEMA_VERSION + 1);
  });

  it('with a passphrase, keeps only the header readable', async () => {
    const { doc } = testingtonPlan();
    const text = await writeBackup(doc, { exportedAt: '2026-06-01', passphrase: 'a long passphrase', deriveKey });
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: BACKUP_FORMAT, encrypted: true, encryption: { kdf: 'PBKDF2', cipher: 'AES-GCM' } });
    expect(file.state).toBeUndefined();
    expect(file.plan).toBeUndefined();
    // Long strings only: a short name like "Ava" turns up in random base64 now and then.
    expect(text).not.toContain('Testington');
    expect(text).not.toContain('familyName');
  });
});

describe('backupFileName', () => {
  it.each([
    ['Testington', 'testington-plan-backup-2026-06-01.json'],
    ['O’Brien-Smith', 'o-brien-smith-plan-backup-2026-06-01.json'],
    ['Zoë', 'zoe-plan-backup-2026-06-01.json'],
    ['', 'plan-plan-backup-2026-06-01.json'],
    ['../../etc', 'etc-plan-backup-2026-06-01.json'],
  ])('%s → %s', (family, name) => expect(backupFileName(family, '2026-06-01')).toBe(name));
});
