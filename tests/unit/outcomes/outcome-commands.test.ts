import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Action, Outcome, planRoots } from '../../../lib/plan/index.ts';
import { addOutcome, moveOutcomeWithinDomain, setOutcomeDomain } from '../../../lib/outcomes/outcome-commands.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

/** Outcome statements in display order, as "domain:statement". */
const order = (doc: Y.Doc) => Outcome.readAll(planRoots(doc).outcomes).map((o) => `${o.domain.slice(0, 3)}:${o.statement}`);

function plan() {
  const doc = new Y.Doc();
  const list = planRoots(doc).outcomes;
  const add = (domain: 'developmental-needs' | 'parenting-capacity', statement: string) => {
    const id = addOutcome(doc, { domain });
    Outcome.set(doc, list, id, 'statement', statement);
    return id;
  };
  // Interleaved domains, as they are after members add outcomes in any order.
  const ids = { a: add('developmental-needs', 'A'), p: add('parenting-capacity', 'P'), b: add('developmental-needs', 'B'), c: add('developmental-needs', 'C') };
  return { doc, list, ids };
}

describe('addOutcome', () => {
  it('adds an empty outcome in the domain with its own actions list, and refuses an unknown domain', () => {
    const doc = new Y.Doc();
    const id = addOutcome(doc, { domain: 'family-environment' });
    const [map] = Outcome.liveMaps(planRoots(doc).outcomes);
    expect(Outcome.read(map!)).toMatchObject({ id, domain: 'family-environment', statement: '' });
    expect(Action.readAll(Outcome.list(map!, 'actions'))).toEqual([]);
    expect(() => addOutcome(doc, { domain: 'housing' as 'family-environment' })).toThrow(RangeError);
  });
});

describe('moveOutcomeWithinDomain', () => {
  it('moves an outcome among its own domain, leaving the other domain in place', () => {
    const { doc, ids } = plan();
    moveOutcomeWithinDomain(doc, { id: ids.c, toIndex: 0 });
    expect(order(doc).filter((s) => s.startsWith('dev'))).toEqual(['dev:C', 'dev:A', 'dev:B']);
    moveOutcomeWithinDomain(doc, { id: ids.c, toIndex: 2 });
    expect(order(doc).filter((s) => s.startsWith('dev'))).toEqual(['dev:A', 'dev:B', 'dev:C']);
    expect(order(doc).filter((s) => s.startsWith('par'))).toEqual(['par:P']);
  });

  it('does nothing for a removed outcome', () => {
    const { doc, list, ids } = plan();
    Outcome.remove(doc, list, ids.a);
    const before = order(doc);
    moveOutcomeWithinDomain(doc, { id: ids.a, toIndex: 2 });
    expect(order(doc)).toEqual(before);
  });
});

describe('setOutcomeDomain', () => {
  it('moves the outcome to the end of its new domain in one transaction', () => {
    const { doc, ids } = plan();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    setOutcomeDomain(doc, { id: ids.a, domain: 'parenting-capacity' });
    expect(transactions).toBe(1);
    expect(order(doc).filter((s) => s.startsWith('par'))).toEqual(['par:P', 'par:A']);
    expect(order(doc).filter((s) => s.startsWith('dev'))).toEqual(['dev:B', 'dev:C']);
  });

  it('refuses an unknown domain without changing anything', () => {
    const { doc, ids } = plan();
    const before = order(doc);
    expect(() => setOutcomeDomain(doc, { id: ids.a, domain: 'x' as 'parenting-capacity' })).toThrow(RangeError);
    expect(order(doc)).toEqual(before);
  });

  it('converges when two members move the same outcome to different domains at once', () => {
    const { docs, disconnect, connect } = connectedPeers(2);
    const [one, two] = docs as [Y.Doc, Y.Doc];
    const id = addOutcome(one, { domain: 'developmental-needs' });
    disconnect();
    setOutcomeDomain(one, { id, domain: 'parenting-capacity' });
    setOutcomeDomain(two, { id, domain: 'family-environment' });
    connect();
    expect(Outcome.readAll(planRoots(one).outcomes)).toEqual(Outcome.readAll(planRoots(two).outcomes));
    expect(Outcome.readAll(planRoots(one).outcomes)).toHaveLength(1);
  });
});
