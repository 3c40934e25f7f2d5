/**
 * Commands on outcomes that need more than one field write: adding into a domain, changing domain
 * (the outcome joins the end of its new group) and reordering within a domain. Each runs in one
 * transaction, so a peer never sees an outcome half-moved.
 */
import type * as Y from 'yjs';
import { planRoots } from '../plan/roots.ts';
import { COMMAND_ORIGIN } from '../plan/origin.ts';
import { Outcome, type Domain } from '../plan/records/outcomes.ts';
import { isDomain } from './labels.ts';
import { fullListIndex } from './reorder.ts';

/** The group an outcome is shown in: its domain, or '' when it has none we know. */
const groupOf = (domain: string): Domain | '' => (isDomain(domain) ? domain : '');

function groupIdsOf(list: Y.Array<Y.Map<unknown>>, group: Domain | '') {
  const live = Outcome.readAll(list);
  return { fullIds: live.map((o) => o.id), groupIds: live.filter((o) => groupOf(o.domain) === group).map((o) => o.id) };
}

/** Adds an empty outcome at the end of `domain`'s group; returns its id. */
export function addOutcome(doc: Y.Doc, args: { domain: Domain }): string {
  if (!isDomain(args.domain)) throw new RangeError(`addOutcome: unknown domain "${args.domain}"`);
  return Outcome.add(doc, planRoots(doc).outcomes, { domain: args.domain });
}

/** Moves an outcome to another domain, placing it last in that domain's group. */
export function setOutcomeDomain(doc: Y.Doc, args: { id: string; domain: Domain }): void {
  if (!isDomain(args.domain)) throw new RangeError(`setOutcomeDomain: unknown domain "${args.domain}"`);
  const list = planRoots(doc).outcomes;
  doc.transact(() => {
    Outcome.set(doc, list, args.id, 'domain', args.domain);
    const { fullIds, groupIds } = groupIdsOf(list, args.domain);
    if (!fullIds.includes(args.id)) return; // removed meanwhile: the domain is kept for a restore
    Outcome.move(doc, list, args.id, fullListIndex(fullIds, groupIds, args.id, groupIds.length));
  }, COMMAND_ORIGIN);
}

/** Moves a live outcome to position `toIndex` (0-based, counted without it) within its domain. */
export function moveOutcomeWithinDomain(doc: Y.Doc, args: { id: string; toIndex: number }): void {
  const list = planRoots(doc).outcomes;
  const outcome = Outcome.readAll(list).find((o) => o.id === args.id);
  if (!outcome) return;
  const { fullIds, groupIds } = groupIdsOf(list, groupOf(outcome.domain));
  Outcome.move(doc, list, args.id, fullListIndex(fullIds, groupIds, args.id, args.toIndex));
}
