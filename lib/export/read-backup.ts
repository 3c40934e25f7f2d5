/**
 * Reading a backup file: everything is checked before anything is created, and every way a file
 * can be wrong ends in one of a few problems, each with a message a member can act on. Never
 * throws: a backup file is untrusted input (DESIGN.md, Reliability).
 */
import { SCHEMA_VERSION } from '../plan/index.ts';
import { decodeBase64 } from './base64.ts';
import { decryptContent, readSealedContent, type DeriveKey } from './backup-crypto.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MAX_BACKUP_BYTES, headerBytes, stateDigest, type BackupHeader } from './backup-format.ts';
import { inspectPlanState, type PlanStateSummary } from './inspect-plan-state.ts';

export type BackupProblem =
  | 'too-large'
  | 'not-a-backup'
  | 'damaged'
  | 'newer-version'
  | 'needs-passphrase'
  | 'wrong-passphrase'
  | 'not-a-plan';

/** What each problem tells the member. Every one ends by saying nothing changed. */
export const BACKUP_PROBLEM_MESSAGES: Readonly<Record<BackupProblem, string>> = {
  'too-large': `This file is too large to be a plan backup (the limit is ${MAX_BACKUP_BYTES / 1024 / 1024} MB). Nothing was imported.`,
  'not-a-backup': 'This file is not a plan backup. Choose a backup saved from “Print and backup” in a plan. Nothing was imported.',
  damaged: 'This backup file is damaged or incomplete, so it cannot be imported. Try another copy of the backup. Nothing was imported.',
  'newer-version': 'This backup was made by a newer version of the extension. Update the extension, then import it again. Nothing was imported.',
  'needs-passphrase': 'This backup is protected with a passphrase. Enter the passphrase to import it.',
  'wrong-passphrase':
    'The passphrase is not right, or the file was changed after it was saved. Check the passphrase and try again. Nothing was imported.',
  'not-a-plan': 'This backup does not hold a plan, so there is nothing to import. Nothing was imported.',
};

/** A backup that passed every check: its state is safe to apply to a new document. */
export interface ValidBackup {
  state: Uint8Array;
  summary: PlanStateSummary;
  exportedAt: string;
  encrypted: boolean;
}

export type OpenedBackup = { ok: true; backup: ValidBackup } | { ok: false; problem: BackupProblem; message: string };

export interface ReadBackupOptions {
  /** Needed for an encrypted file; ignored for a plain one. */
  passphrase?: string;
  deriveKey?: DeriveKey;
}

const refuse = (problem: BackupProblem): OpenedBackup => ({ ok: false, problem, message: BACKUP_PROBLEM_MESSAGES[problem] });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isVersion = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The header fields, or the problem with them. A file from a newer version is told so before anything else. */
function readHeader(file: Record<string, unknown>): BackupHeader | BackupProblem {
  if (file.format !== BACKUP_FORMAT) return 'not-a-backup';
  const { formatVersion, schemaVersion, exportedAt } = file;
  if (!isVersion(formatVersion) || !isVersion(schemaVersion)) return 'damaged';
  if (formatVersion > BACKUP_FORMAT_VERSION || schemaVersion > SCHEMA_VERSION) return 'newer-version';
  if (typeof exportedAt !== 'string' || exportedAt.length > 64) return 'damaged';
  return { format: BACKUP_FORMAT, formatVersion, schemaVersion, exportedAt };
}

/** The sealed or plain content: { state, plan }, with state decoded. */
function readContent(content: unknown): Uint8Array<ArrayBuffer> | null {
  if (!isObject(content) || !isObject(content.plan)) return null;
  return decodeBase64(content.state);
}

/** An unencrypted file's content, its state checked against the digest written with it. */
async function openPlain(file: Record<string, unknown>): Promise<Uint8Array | BackupProblem> {
  const state = readContent(file);
  if (!state || typeof file.stateSha256 !== 'string') return 'damaged';
  return (await stateDigest(state)) === file.stateSha256 ? state : 'damaged';
}

async function openSealed(file: Record<string, unknown>, header: BackupHeader, options: ReadBackupOptions): Promise<Uint8Array | BackupProblem> {
  const sealed = readSealedContent(file.encryption, file.ciphertext);
  if (!sealed) return 'damaged';
  if (!options.passphrase) return 'needs-passphrase';
  const plain = await decryptContent(sealed, options.passphrase, headerBytes(header), options.deriveKey);
  if (!plain) return 'wrong-passphrase';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return 'damaged';
  }
  return readContent(parseJson(text)) ?? 'damaged';
}

/**
 * Checks a backup file's text completely: size, JSON, format and versions, decryption (when the
 * file is encrypted), and the plan inside (inspectPlanState). Nothing is stored or created here.
 */
export async function readBackup(text: string, options: ReadBackupOptions = {}): Promise<OpenedBackup> {
  try {
    // UTF-16 code units: at least one byte each in the file, so a longer text is a larger file.
    if (typeof text !== 'string') return refuse('not-a-backup');
    if (text.length > MAX_BACKUP_BYTES) return refuse('too-large');
    // A byte-order mark, as some editors add when a file is saved again, is not part of the JSON.
    const file = parseJson(text.replace(/^\uFEFF/, ''));
    if (file === undefined) {
      // Our opening with the rest cut off or garbled reads as damaged; anything else is another file.
      return refuse(text.trimStart().startsWith('{') && text.includes(BACKUP_FORMAT) ? 'damaged' : 'not-a-backup');
    }
    if (!isObject(file)) return refuse('not-a-backup');
    const header = readHeader(file);
    if (typeof header === 'string') return refuse(header);
    if (typeof file.encrypted !== 'boolean') return refuse('damaged');
    const state = file.encrypted ? await openSealed(file, header, options) : await openPlain(file);
    if (typeof state === 'string') return refuse(state);
    const check = inspectPlanState(state);
    if (!check.ok) return refuse(check.problem === 'newer-schema' ? 'newer-version' : check.problem);
    // The header's version must be the plan's own: otherwise the file was put together by hand.
    if (check.summary.schemaVersion !== header.schemaVersion) return refuse('damaged');
    return { ok: true, backup: { state, summary: check.summary, exportedAt: header.exportedAt, encrypted: file.encrypted } };
  } catch {
    return refuse('damaged');
  }
}
