/** Writing a plan's backup file (the format is described in backup-format.ts). */
import * as Y from 'yjs';
import { readMeta } from '../plan/index.ts';
import { encodeBase64 } from './base64.ts';
import { encryptContent, type DeriveKey } from './backup-crypto.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, headerBytes, stateDigest, type BackupContent, type BackupFile, type BackupHeader } from './backup-format.ts';
import { readablePlan } from './readable-plan.ts';

export interface WriteBackupOptions {
  /** yyyy-MM-dd: the caller's today (lib never reads the clock). */
  exportedAt: string;
  /** Encrypts the content when given and not empty. */
  passphrase?: string;
  random?: Pick<Crypto, 'getRandomValues'>;
  deriveKey?: DeriveKey;
}

/**
 * The backup file of `doc` as JSON text. The schema version recorded is the document's own, so a
 * plan written by a newer version (and left unmigrated) is never labelled as older than it is.
 */
export async function writeBackup(doc: Y.Doc, options: WriteBackupOptions): Promise<string> {
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: readMeta(doc).schemaVersion,
    exportedAt: options.exportedAt,
  };
  const state = Y.encodeStateAsUpdate(doc) as Uint8Array<ArrayBuffer>;
  const content: BackupContent = { state: encodeBase64(state), plan: readablePlan(doc) };
  let file: BackupFile;
  if (options.passphrase) {
    const sealed = await encryptContent(new TextEncoder().encode(JSON.stringify(content)), options.passphrase, {
      additionalData: headerBytes(header),
      random: options.random,
      deriveKey: options.deriveKey,
    });
    file = { ...header, encrypted: true, encryption: sealed.header, ciphertext: sealed.ciphertext };
  } else {
    file = { ...header, encrypted: false, stateSha256: await stateDigest(state), ...content };
  }
  return JSON.stringify(file, null, 1);
}
