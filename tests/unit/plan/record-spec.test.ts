import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as plan from '../../../lib/plan/index.ts';
import { Action, Meeting, Outcome, planRoots, type FieldsSpec, type RecordType } from '../../../lib/plan/index.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

const outcomes = (doc: Y.Doc) => planRoots(doc).outcomes;
const outcomeMap = (doc: Y.Doc, id: string) => outcomes(doc).toArray().find((m) => m.get('id') === id)!;
const actions = (doc: Y.Doc, outcomeId: string) => Outcome.list(outcomeMap(doc, outcomeId), 'actions');

describe('defineRecord: add / read / set', () => {
  it('adds a record with defaults for fields not given, and reads it back plain', () => {
    const doc = new Y.Doc();
    const id = Outcome.add(doc, outcomes(doc), { domain: 'parenting-capacity', statement: 'Ava is safe at home' });
    expect(Outcome.readAll(outcomes(doc))).toEqual([
      { id, order: 1, domain: 'parenting-capacity', statement: 'Ava is safe at home', measure: '', dueDate: '', sustainability: '' },
    ]);
  });

  it('reads a field with the wrong type as its default instead of failing', () => {
    const doc = new Y.Doc();
    const id = Outcome.add(doc, outcomes(doc));
    outcomeMap(doc, id).set('statement', 42);
    expect(Outcome.readAll(outcomes(doc))[0]!.statement).toBe('');
  });

  it('throws on an unknown field or a value of the wrong kind: programming errors, named', () => {
    const doc = new Y.Doc();
    const id = Outcome.add(doc, outcomes(doc));
    expect(() => Outcome.set(doc, outcomes(doc), id, 'colour' as 'statement', 'x')).toThrow('outcome: unknown field "colour"');
    expect(() => Outcome.set(doc, outcomes(doc), id, 'statement', 3 as unknown as string)).toThrow('outcome.statement must be a string');
  });

  it('creates a record’s rich text and nested lists with it', () => {
    const doc = new Y.Doc();
    const id = Meeting.add(doc, planRoots(doc).meetings, { kind: 'core-group', date: '2026-11-20' });
    const record = planRoots(doc).meetings.get(0);
    expect(Meeting.fragment(record, 'minutes')).toBeInstanceOf(Y.XmlFragment);
    expect(Meeting.list(record, 'attendance')).toBeInstanceOf(Y.Array);
    expect(() => Meeting.fragment(record, 'nope')).toThrow(RangeError);
    expect(id).toBe(record.get('id'));
  });
});

describe('defineRecord: update and missing lists', () => {
  it('sets several fields in one transaction, and writes nothing when one is wrong', () => {
    const doc = new Y.Doc();
    const id = Outcome.add(doc, outcomes(doc));
    let transactions = 0;
    doc.on('afterTransaction', () => (transactions += 1));
    Outcome.update(doc, outcomes(doc), id, { statement: 'Ava is safe', measure: 'Scaling 7' });
    expect(transactions).toBe(1);
    expect(Outcome.read(outcomeMap(doc, id))).toMatchObject({ statement: 'Ava is safe', measure: 'Scaling 7' });
    expect(() => Outcome.update(doc, outcomes(doc), id, { statement: 'Changed', measure: 7 as unknown as string })).toThrow(
      'outcome.measure must be a string',
    );
    expect(Outcome.read(outcomeMap(doc, id)).statement).toBe('Ava is safe');
  });

  it('creates only the nested lists a record lacks, keeping the ones it has', () => {
    const doc = new Y.Doc();
    const meetings = planRoots(doc).meetings;
    const id = Meeting.add(doc, meetings, { kind: 'rcpc' });
    const record = meetings.get(0);
    const decisions = Meeting.list(record, 'decisions');
    doc.transact(() => record.delete('agenda'));
    expect(Meeting.listIfPresent(record, 'agenda')).toBeNull();
    Meeting.addMissingLists(doc, meetings, id);
    expect(Meeting.list(record, 'agenda')).toBeInstanceOf(Y.Array);
    expect(Meeting.list(record, 'decisions')).toBe(decisions);
  });
});

describe('defineRecord: identity (label, section, element ids)', () => {
  it('names each record kind, its section and the element ids of it and its fields', () => {
    expect([Outcome.label, Outcome.section]).toEqual(['Outcome', 'outcomes']);
    expect(Outcome.elementId('x1')).toBe('o-x1');
    expect(Outcome.elementId('x1', 'statement')).toBe('o-x1-statement');
    expect(Outcome.elementId('x1', 'dueDate')).toBe('o-x1-due');
    expect(Outcome.elementId('x1', 'actions')).toBe('o-x1-add-action');
    expect(Action.elementId('y2', 'ownerId')).toBe('a-y2-owner');
    expect(Action.fieldLabels.ownerId).toBe('Who will do it');
    expect(Meeting.addElementId).toBe('new-meeting-kind');
  });

  it('every record kind has a label, a section and an element prefix of its own', () => {
    const kinds = (Object.values(plan) as unknown[]).filter((v): v is RecordType<FieldsSpec> => typeof v === 'object' && v !== null && 'elementId' in v);
    expect(kinds.length).toBeGreaterThanOrEqual(15);
    for (const kind of kinds) {
      expect(kind.label, kind.name).not.toBe('');
      expect(kind.section, kind.name).not.toBe('');
    }
    const prefixes = kinds.map((kind) => kind.elementId('ID').replace(/-ID$/, ''));
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});

describe('defineRecord: remove / restore / move', () => {
  it('hides a removed record and brings it back on restore', () => {
    const doc = new Y.Doc();
    const id = Outcome.add(doc, outcomes(doc), { statement: 'one' });
    Outcome.remove(doc, outcomes(doc), id);
    expect(Outcome.readAll(outcomes(doc))).toEqual([]);
    Outcome.restore(doc, outcomes(doc), id);
    expect(Outcome.readAll(outcomes(doc)).map((o) => o.statement)).toEqual(['one']);
  });

  it.each([
    [0, ['c', 'a', 'b']],
    [1, ['a', 'c', 'b']],
    [2, ['a', 'b', 'c']],
    [99, ['a', 'b', 'c']],
  ])('moves the last of a, b, c to position %i', (to, expected) => {
    const doc = new Y.Doc();
    const ids = ['a', 'b', 'c'].map((s) => Outcome.add(doc, outcomes(doc), { statement: s }));
    Outcome.move(doc, outcomes(doc), ids[2]!, to);
    expect(Outcome.readAll(outcomes(doc)).map((o) => o.statement)).toEqual(expected);
  });
});

describe('concurrent structure edits', () => {
  it('keeps an action added to an outcome that another member deleted at the same time, recoverable by restore', () => {
    const peers = connectedPeers();
    const [a, b] = peers.docs;
    const outcomeId = Outcome.add(a!, outcomes(a!), { statement: 'Ava attends school every day' });
    peers.disconnect();
    Outcome.remove(a!, outcomes(a!), outcomeId);
    Action.add(b!, actions(b!, outcomeId), { description: 'Mum walks Ava to school each morning' });
    peers.connect();
    expect(Outcome.readAll(outcomes(a!))).toEqual([]);
    expect(Y.encodeStateAsUpdate(a!)).toEqual(Y.encodeStateAsUpdate(b!));
    Outcome.restore(a!, outcomes(a!), outcomeId);
    expect(Action.readAll(actions(a!, outcomeId)).map((x) => x.description)).toEqual(['Mum walks Ava to school each morning']);
  });

  it('two members reordering at once never duplicate or lose a record', () => {
    const peers = connectedPeers(3);
    const [a, b, c] = peers.docs;
    const ids = ['one', 'two', 'three', 'four'].map((s) => Outcome.add(a!, outcomes(a!), { statement: s }));
    peers.disconnect();
    Outcome.move(a!, outcomes(a!), ids[3]!, 0);
    Outcome.move(b!, outcomes(b!), ids[3]!, 2);
    Outcome.move(c!, outcomes(c!), ids[0]!, 3);
    peers.connect();
    const read = (d: Y.Doc) => Outcome.readAll(outcomes(d)).map((o) => o.statement);
    expect(read(a!)).toEqual(read(b!));
    expect(read(a!)).toEqual(read(c!));
    expect([...read(a!)].sort()).toEqual(['four', 'one', 'three', 'two']);
  });

  it('concurrent edits of one short field converge on one of the values', () => {
    const peers = connectedPeers();
    const [a, b] = peers.docs;
    const id = Outcome.add(a!, outcomes(a!));
    peers.disconnect();
    Outcome.set(a!, outcomes(a!), id, 'measure', 'Attendance above 95%');
    Outcome.set(b!, outcomes(b!), id, 'measure', 'School register');
    peers.connect();
    const value = Outcome.readAll(outcomes(a!))[0]!.measure;
    expect(['Attendance above 95%', 'School register']).toContain(value);
    expect(Outcome.readAll(outcomes(b!))[0]!.measure).toBe(value);
  });
});
