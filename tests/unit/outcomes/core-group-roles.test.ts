import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Member, checkGroupRoles, isAlreadyMember, planRoots, setGroupRole } from '../../../lib/plan/index.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

function group(doc: Y.Doc) {
  const list = planRoots(doc).members;
  return {
    list,
    sw: Member.add(doc, list, { name: 'Sam Jones', agency: "Children's Social Care" }),
    hv: Member.add(doc, list, { name: 'Priya Shah', agency: 'Health' }),
    school: Member.add(doc, list, { name: 'Ms Green', agency: 'Oak Tree Primary' }),
  };
}
const holders = (doc: Y.Doc, role: 'chair' | 'deputy') => Member.readAll(planRoots(doc).members).filter((m) => m[role]).map((m) => m.name);

describe('setGroupRole', () => {
  it('gives a role to one member and takes it from the others, in one transaction', () => {
    const doc = new Y.Doc();
    const { sw, hv } = group(doc);
    setGroupRole(doc, { role: 'chair', id: sw });
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    setGroupRole(doc, { role: 'chair', id: hv });
    expect(transactions).toBe(1);
    expect(holders(doc, 'chair')).toEqual(['Priya Shah']);
    setGroupRole(doc, { role: 'deputy', id: sw });
    expect(holders(doc, 'deputy')).toEqual(['Sam Jones']);
    setGroupRole(doc, { role: 'chair', id: '' });
    expect(holders(doc, 'chair')).toEqual([]);
    expect(() => setGroupRole(doc, { role: 'minuteTaker' as 'chair', id: sw })).toThrow(RangeError);
  });
});

describe('checkGroupRoles', () => {
  it('says nothing until there are members, then asks for a chair and a deputy (Wirral 7.1)', () => {
    const doc = new Y.Doc();
    expect(checkGroupRoles([])).toEqual([]);
    const { sw, hv } = group(doc);
    const kinds = () => checkGroupRoles(Member.readAll(planRoots(doc).members)).map((n) => n.kind);
    expect(kinds()).toEqual(['no-chair', 'no-deputy']);
    setGroupRole(doc, { role: 'chair', id: sw });
    expect(kinds()).toEqual(['no-deputy']);
    setGroupRole(doc, { role: 'deputy', id: hv });
    expect(kinds()).toEqual([]);
    setGroupRole(doc, { role: 'deputy', id: sw });
    expect(kinds()).toEqual(['chair-is-deputy']);
  });

  it('reports two chairs chosen at once by two members, naming both', () => {
    const { docs, disconnect, connect } = connectedPeers(2);
    const [one, two] = docs as [Y.Doc, Y.Doc];
    const { sw, hv } = group(one);
    disconnect();
    setGroupRole(one, { role: 'chair', id: sw });
    setGroupRole(two, { role: 'chair', id: hv });
    connect();
    const notices = checkGroupRoles(Member.readAll(planRoots(two).members));
    expect(notices.find((n) => n.kind === 'several-chairs')?.message).toBe('Sam Jones and Priya Shah are both marked as chair. Agree on one chair.');
  });
});

describe('isAlreadyMember', () => {
  it('matches name and agency ignoring case and spacing, and ignores removed members', () => {
    const doc = new Y.Doc();
    const { list, hv } = group(doc);
    const live = () => Member.readAll(list);
    expect(isAlreadyMember(live(), { name: ' priya  shah', agency: 'HEALTH' })).toBe(true);
    expect(isAlreadyMember(live(), { name: 'Priya Shah', agency: 'Police' })).toBe(false);
    Member.remove(doc, list, hv);
    expect(isAlreadyMember(live(), { name: 'Priya Shah', agency: 'Health' })).toBe(false);
  });
});
