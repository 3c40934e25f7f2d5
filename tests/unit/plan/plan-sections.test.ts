import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  readAgreement, readArrangements, readCategorisation, readPlanEnding, readMeta,
  setAgreementField, setArrangementField, setCategorisation, setPlanStatus,
} from '../../../lib/plan/index.ts';

describe('setCategorisation', () => {
  it('records one primary category and, exceptionally, others with a reason', () => {
    const doc = new Y.Doc();
    setCategorisation(doc, { primary: 'neglect', secondary: ['emotional', 'neglect'], secondaryReason: 'Both seen at home visits' });
    expect(readCategorisation(doc)).toEqual({ primary: 'neglect', secondary: ['emotional'], secondaryReason: 'Both seen at home visits' });
    expect(() => setCategorisation(doc, { primary: 'financial' as 'neglect', secondary: [], secondaryReason: '' })).toThrow(RangeError);
  });
});

describe('setPlanStatus', () => {
  it('moves the plan through its statuses and needs a reason and date to end it', () => {
    const doc = new Y.Doc();
    setPlanStatus(doc, { status: 'detailed' });
    expect(readMeta(doc).status).toBe('detailed');
    expect(() => setPlanStatus(doc, { status: 'ended' })).toThrow(/needs endReason/);
    setPlanStatus(doc, { status: 'ended', endReason: 'no-longer-at-risk', endedOn: '2027-05-01' });
    expect(readPlanEnding(doc)).toEqual({ endReason: 'no-longer-at-risk', endedOn: '2027-05-01' });
    setPlanStatus(doc, { status: 'agreed' });
    expect(readPlanEnding(doc)).toEqual({ endReason: '', endedOn: '' });
  });
});

describe('group agreement and arrangements', () => {
  it('sets and reads their fields, rejecting unknown ones', () => {
    const doc = new Y.Doc();
    setAgreementField(doc, { field: 'frequency', value: 'Every 4 weeks' });
    setArrangementField(doc, { field: 'visitFrequency', value: 'Every 2 weeks, Ava seen alone each time' });
    expect(readAgreement(doc).frequency).toBe('Every 4 weeks');
    expect(readArrangements(doc).visitFrequency).toMatch(/Every 2 weeks/);
    expect(() => setAgreementField(doc, { field: 'x' as 'frequency', value: '' })).toThrow(RangeError);
  });
});
