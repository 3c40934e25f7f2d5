/**
 * The backup file: one JSON object.
 *
 * Unencrypted:
 *   { format, formatVersion, schemaVersion, exportedAt, encrypted: false, stateSha256, state, plan }
 * Encrypted (the content sealed with a passphrase, lib/export/backup-crypto.ts):
 *   { format, formatVersion, schemaVersion, exportedAt, encrypted: true, encryption, ciphertext }
 * where the sealed content is the UTF-8 JSON { state, plan }.
 *
 * `state` is Y.encodeStateAsUpdate of the plan, base64: the whole document with its history, what
 * import restores from. `plan` is a readable copy (readable-plan.ts) for people. In an unencrypted
 * file `stateSha256` (base64) catches a file damaged in storage or transfer, which could otherwise
 * still decode as a plan with some text quietly changed; AES-GCM does this for an encrypted file.
 * The header fields
 * before `encrypted` stay readable in an encrypted file, so it says what it is, and are bound to the
 * ciphertext (headerBytes), so they cannot be changed unnoticed.
 */
import type { EncryptionHeader } from './backup-crypto.ts';
import { encodeBase64 } from './base64.ts';
import type { ReadablePlan } from './readable-plan.ts';

/** Names the file's format, so another JSON file is never mistaken for a backup. */
export const BACKUP_FORMAT = 'core-group-plan-backup';
/** Bump when the file layout changes; files from a newer layout are refused with a clear message. */
export const BACKUP_FORMAT_VERSION = 1;
/**
 * The largest file import reads. Our largest benchmark plan (DESIGN.md: 60 meetings, 3,000
 * chronology entries, 50k words, 100k edits) backs up to a few megabytes; 50 MB leaves room for
 * years of history and keeps a mistaken choice (a video) from freezing the page.
 */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/** The header every backup carries in the clear. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The plan document's schema version (lib/plan/migrations.ts). */
  schemaVersion: number;
  /** yyyy-MM-dd, the day the backup was made. */
  exportedAt: string;
}

/** What is sealed in an encrypted file, and stored as it is in an unencrypted one. */
export interface BackupContent {
  state: string;
  plan: ReadablePlan;
}

export type PlainBackupFile = BackupHeader & { encrypted: false; stateSha256: string } & BackupContent;
export type EncryptedBackupFile = BackupHeader & { encrypted: true; encryption: EncryptionHeader; ciphertext: string };
export type BackupFile = PlainBackupFile | EncryptedBackupFile;

/**
 * The bytes of the header that AES-GCM authenticates: its fields in a fixed order, so writer and
 * reader build the same bytes whatever order the JSON keys were in.
 */
export function headerBytes(header: BackupHeader): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify([header.format, header.formatVersion, header.schemaVersion, header.exportedAt]));
}

/** A file name for the backup: the family name (letters and digits only) and the date. */
export function backupFileName(familyName: string, exportedAt: string): string {
  const family = familyName.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'plan';
  return `${family}-plan-backup-${exportedAt}.json`;
}

/** The SHA-256 of the state's bytes, base64: the check an unencrypted file carries. */
export async function stateDigest(state: Uint8Array<ArrayBuffer>): Promise<string> {
  return encodeBase64(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', state)));
}
