import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChronologyEntry, planRoots, updateChronologyEntry } from '../../../lib/plan/index.ts';
import { sortChronology } from '../../../lib/chronology/chronology-order.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

const chronology = (doc: Y.Doc) => planRoots(doc).chronology;
const shown = (doc: Y.Doc) => sortChronology(ChronologyEntry.readAll(chronology(doc))).map((e) => `${e.date} ${e.event}`);

describe('ChronologyEntry with two members', () => {
  it('keeps entries both members added while apart, in the same order on both', () => {
    const { docs, disconnect, connect } = connectedPeers(2);
    const [a, b] = docs as [Y.Doc, Y.Doc];
    ChronologyEntry.add(a, chronology(a), { date: '2026-03-01', event: 'Referral from school', agency: 'Education', addedBy: 'Priya' });
    disconnect();
    ChronologyEntry.add(a, chronology(a), { date: '2026-04-10', event: 'Home visit', agency: 'Social care', addedBy: 'Priya' });
    ChronologyEntry.add(a, chronology(a), { date: '2026-02-01', event: 'Missed health check', agency: 'Health', addedBy: 'Priya' });
    ChronologyEntry.add(b, chronology(b), { date: '2026-04-10', event: 'Police call-out', agency: 'Police', addedBy: 'Tom' });
    ChronologyEntry.add(b, chronology(b), { date: '2026-01-20', event: 'Accident and emergency attendance', agency: 'Health', addedBy: 'Tom' });
    connect();

    expect(shown(a)).toHaveLength(5);
    expect(shown(a)).toEqual(shown(b));
    expect(shown(a).map((s) => s.slice(0, 10))).toEqual(['2026-01-20', '2026-02-01', '2026-03-01', '2026-04-10', '2026-04-10']);
  });

  it('keeps both members’ edits to different fields of one entry', () => {
    const { docs, disconnect, connect } = connectedPeers(2);
    const [a, b] = docs as [Y.Doc, Y.Doc];
    const id = ChronologyEntry.add(a, chronology(a), { date: '2026-03-01', event: 'Referal', agency: 'Educaton' });
    disconnect();
    updateChronologyEntry(a, chronology(a), id, { event: 'Referral from school' });
    updateChronologyEntry(b, chronology(b), id, { agency: 'Education' });
    connect();
    for (const doc of [a, b]) {
      expect(ChronologyEntry.readAll(chronology(doc))[0]).toMatchObject({ event: 'Referral from school', agency: 'Education', date: '2026-03-01' });
    }
  });

  it('hides a removed entry on both and brings it back on restore', () => {
    const { docs } = connectedPeers(2);
    const [a, b] = docs as [Y.Doc, Y.Doc];
    const id = ChronologyEntry.add(a, chronology(a), { date: '2026-03-01', event: 'Referral', agency: 'Education' });
    ChronologyEntry.remove(b, chronology(b), id);
    expect(shown(a)).toEqual([]);
    ChronologyEntry.restore(a, chronology(a), id);
    expect(shown(b)).toEqual(['2026-03-01 Referral']);
  });
});

describe('updateChronologyEntry', () => {
  it('writes only the fields given, in one transaction', () => {
    const doc = new Y.Doc();
    const id = ChronologyEntry.add(doc, chronology(doc), { date: '2026-03-01', event: 'Referral', agency: 'Education', addedBy: 'Priya' });
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    updateChronologyEntry(doc, chronology(doc), id, { date: '2026-03-02', event: 'Referral from school' });
    expect(transactions).toBe(1);
    expect(ChronologyEntry.readAll(chronology(doc))[0]).toMatchObject({ date: '2026-03-02', event: 'Referral from school', agency: 'Education', addedBy: 'Priya' });
  });
});
