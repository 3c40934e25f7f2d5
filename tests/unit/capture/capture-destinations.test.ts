import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planRoots, Meeting } from '../../../lib/plan/index.ts';
import { destinationLabel, destinationOptions, destinationValue, parseDestination } from '../../../lib/capture/capture-destinations.ts';

describe('destinationOptions', () => {
  it('offers the chronology, the framework fields and each meeting’s minutes, newest meeting first', () => {
    const doc = new Y.Doc();
    const meetings = planRoots(doc).meetings;
    Meeting.add(doc, meetings, { kind: 'icpc', date: '2026-01-20' });
    const later = Meeting.add(doc, meetings, { kind: 'core-group', date: '2026-02-10' });
    const options = destinationOptions(doc);
    expect(options.map((o) => o.label)).toEqual([
      'A new chronology entry',
      'Grey areas',
      'Harm or danger: physical abuse',
      'Harm or danger: emotional abuse',
      'Harm or danger: sexual abuse',
      'Harm or danger: neglect',
      'Strengths and protective factors',
      'Complicating factors',
      'Minutes: Core group meeting, 10 February 2026',
      'Minutes: Initial child protection conference, 20 January 2026',
    ]);
    expect(options[8]?.value).toBe(`minutes:${later}`);
  });

  it('leaves out removed meetings', () => {
    const doc = new Y.Doc();
    const meetings = planRoots(doc).meetings;
    Meeting.remove(doc, meetings, Meeting.add(doc, meetings, { kind: 'visit', date: '2026-02-01' }));
    expect(destinationOptions(doc).some((o) => o.group === 'Meeting minutes')).toBe(false);
  });
});

describe('parseDestination', () => {
  it('round-trips every destination it offers', () => {
    const doc = new Y.Doc();
    Meeting.add(doc, planRoots(doc).meetings, { kind: 'visit', date: '2026-02-01' });
    for (const option of destinationOptions(doc)) expect(destinationValue(parseDestination(doc, option.value)!)).toBe(option.value);
  });

  it.each(['', 'text:danger-statement', 'text:', 'minutes:unknown', 'elsewhere'])('names nothing for %j', (value) => {
    expect(parseDestination(new Y.Doc(), value)).toBeUndefined();
  });
});

describe('destinationLabel', () => {
  it('gives the label of a value, or nothing', () => {
    expect(destinationLabel(new Y.Doc(), 'text:grey-areas')).toBe('Grey areas');
    expect(destinationLabel(new Y.Doc(), 'minutes:x')).toBe('');
  });
});
