/** Outcomes shown under their assessment domain. */
import { DOMAINS, type Domain } from '../plan/records/outcomes.ts';
import { isDomain } from './labels.ts';

export interface DomainGroup<T> {
  /** '' holds outcomes whose domain is missing or unknown (written by an older or newer peer). */
  domain: Domain | '';
  items: T[];
}

/**
 * The three domains in the plan's order, each with its outcomes in their display order (the order
 * of `outcomes` is kept). Every domain is returned, even when empty, so each has its "Add" button;
 * the '' group is returned only when some outcome needs a domain, so nothing is ever hidden.
 */
export function groupByDomain<T extends { domain: string }>(outcomes: readonly T[]): DomainGroup<T>[] {
  const groups: DomainGroup<T>[] = DOMAINS.map((domain) => ({ domain, items: outcomes.filter((o) => o.domain === domain) }));
  const unplaced = outcomes.filter((o) => !isDomain(o.domain));
  if (unplaced.length > 0) groups.push({ domain: '', items: unplaced });
  return groups;
}
