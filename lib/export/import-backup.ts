/**
 * Importing a backup as a NEW plan on this device. The file is checked completely first
 * (readBackup); only a file that passes reaches `create`, so a refused file creates nothing: no
 * plan listed, no database.
 */
import { readBackup, type BackupProblem, type ReadBackupOptions, type ValidBackup } from './read-backup.ts';

/** Stores a checked backup as a new plan; resolves to its id. May reject (storage full). */
export type CreateFromBackup = (backup: ValidBackup) => Promise<string>;

export type ImportResult =
  | { ok: true; planId: string; familyName: string }
  | { ok: false; problem: BackupProblem | 'not-stored'; message: string };

/** Reads `text` as a backup and, only if it is sound, creates the plan from it. Never throws. */
export async function importBackup(text: string, options: ReadBackupOptions & { create: CreateFromBackup }): Promise<ImportResult> {
  const opened = await readBackup(text, options);
  if (!opened.ok) return opened;
  try {
    const planId = await options.create(opened.backup);
    return { ok: true, planId, familyName: opened.backup.summary.familyName };
  } catch (error) {
    const reason = typeof error === 'object' && error && 'message' in error ? String(error.message) : String(error);
    return { ok: false, problem: 'not-stored', message: `The plan could not be stored on this device (${reason}). Nothing was imported.` };
  }
}
