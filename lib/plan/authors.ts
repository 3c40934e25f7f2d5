/**
 * Who made which edits, as declared by the members (root `authors`). Yjs stamps every insertion with the clientID of
 * the Y.Doc that made it (a random number per opened copy of the plan); this root map pairs each
 * clientID with the identity its member declared ({ name, agency }) when that copy first edited
 * the plan, so history can name who changed what. It is a declaration, not an authenticated identity: the UI
 * says "as declared by the member".
 *
 * Each entry is written by its own client only, under its own key, so entries never conflict.
 */
import * as Y from 'yjs';
import { planRoots } from './roots.ts';
import { COMMAND_ORIGIN } from './origin.ts';

export interface DeclaredAuthor {
  name: string;
  agency: string;
}

/** The authors map of a plan (String(clientID) → { name, agency }), for views that follow it. */
export function authorsMap(doc: Y.Doc): Y.Map<unknown> {
  return planRoots(doc).authors;
}

/**
 * Declares that edits from this copy of the plan (`doc.clientID`) are `identity`'s. Nothing is
 * written when no name is declared yet, or when the entry already says the same.
 */
export function recordAuthor(doc: Y.Doc, identity: { name: string; agency: string }): void {
  const declared = { name: identity.name.trim(), agency: identity.agency.trim() };
  if (declared.name === '') return;
  const key = String(doc.clientID);
  const current = readAuthor(authorsMap(doc).get(key));
  if (current && current.name === declared.name && current.agency === declared.agency) return;
  doc.transact(() => authorsMap(doc).set(key, declared), COMMAND_ORIGIN);
}

/**
 * Declares this copy's edits as `identity`'s once it has made one (`recordAuthor` after each local
 * transaction that leaves this clientID with content; nothing when the entry already says so). A
 * copy only looked at writes nothing: opening a plan neither changes it nor tells colleagues it
 * was opened. Should the guard move the copy to a new clientID, its next edit declares that one.
 * Returns the stop function.
 */
export function declareAuthorOnEdit(doc: Y.Doc, identity: { name: string; agency: string }): () => void {
  // The clientID declared already: every later keystroke under it returns at once.
  let declared: number | null = null;
  const declare = () => {
    if (declared === doc.clientID || Y.getState(doc.store, doc.clientID) === 0) return;
    declared = doc.clientID;
    recordAuthor(doc, identity);
  };
  const afterTransaction = (transaction: Y.Transaction) => {
    if (transaction.local) declare();
  };
  declare(); // this copy has edited already (the member changed their name since)
  doc.on('afterTransaction', afterTransaction);
  return () => doc.off('afterTransaction', afterTransaction);
}

/** Every declared author by clientID. Entries a peer wrote in an unknown shape are skipped. */
export function readAuthors(doc: Y.Doc): Map<number, DeclaredAuthor> {
  const out = new Map<number, DeclaredAuthor>();
  for (const [key, value] of authorsMap(doc)) {
    const author = readAuthor(value);
    const client = Number(key);
    if (author && Number.isInteger(client)) out.set(client, author);
  }
  return out;
}

function readAuthor(value: unknown): DeclaredAuthor | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.name !== 'string' || v.name.trim() === '') return undefined;
  return { name: v.name, agency: typeof v.agency === 'string' ? v.agency : '' };
}
