/**
 * The names a plan already knows (children, parents and carers, core group members), offered as
 * suggestions where a member types who gives a score or who sees whom, so the same person is
 * written the same way and the chart draws one line for them.
 */
import type * as Y from 'yjs';
import { Member, Person, planRoots, readChildren } from '../plan/index.ts';

/** Each live name once (ignoring case and spacing), first spelling kept, in alphabetical order. */
export function knownNames(doc: Y.Doc): string[] {
  const roots = planRoots(doc);
  const names = [
    ...readChildren(doc).map((c) => c.name),
    ...Person.readAll(roots.people).map((p) => p.name),
    ...Member.readAll(roots.members).map((m) => m.name),
  ];
  const seen = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ');
    const key = name.toLocaleLowerCase('en-GB');
    if (name !== '' && !seen.has(key)) seen.set(key, name);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'en-GB'));
}
