/**
 * Where in a plan a capture can go: a new chronology entry, one of the framework's rich-text fields
 * (grey areas, harm or danger by category, strengths, complicating factors) or a meeting's
 * minutes. A destination travels through a <select> as a string: 'chronology', 'text:<field>' or
 * 'minutes:<meeting id>'.
 */
import type * as Y from 'yjs';
import { Meeting, RICH_TEXT_TITLES, planRoots, type RichTextField } from '../plan/index.ts';
import { meetingTitle } from '../meetings/meeting-title.ts';
import { sortMeetingsNewestFirst } from '../meetings/meeting-order.ts';

export type CaptureDestination =
  | { kind: 'chronology' }
  | { kind: 'text'; field: RichTextField }
  | { kind: 'minutes'; meetingId: string };

/** The framework fields a capture can be added to, with the names the framework gives them. */
export const CAPTURE_TEXT_FIELDS: readonly { field: RichTextField; label: string }[] = (
  ['grey-areas', 'harm-physical', 'harm-emotional', 'harm-sexual', 'harm-neglect', 'strengths', 'complicating-factors'] as const
).map((field) => ({ field, label: RICH_TEXT_TITLES[field] }));

export interface DestinationOption {
  value: string;
  label: string;
  group: 'Chronology' | 'Strengthening Families' | 'Meeting minutes';
}

/** The string a destination travels as. */
export function destinationValue(destination: CaptureDestination): string {
  switch (destination.kind) {
    case 'chronology':
      return 'chronology';
    case 'text':
      return `text:${destination.field}`;
    case 'minutes':
      return `minutes:${destination.meetingId}`;
  }
}

/** Every destination in the plan `doc`: the chronology, the framework fields, then each meeting, newest first. */
export function destinationOptions(doc: Y.Doc): DestinationOption[] {
  const meetings = sortMeetingsNewestFirst(Meeting.readAll(planRoots(doc).meetings));
  return [
    { value: 'chronology', label: 'A new chronology entry', group: 'Chronology' },
    ...CAPTURE_TEXT_FIELDS.map(({ field, label }): DestinationOption => ({ value: `text:${field}`, label, group: 'Strengthening Families' })),
    ...meetings.map((m): DestinationOption => ({ value: `minutes:${m.id}`, label: `Minutes: ${meetingTitle(m)}`, group: 'Meeting minutes' })),
  ];
}

/**
 * The destination a value names in `doc`, or undefined when it names nothing there (an unknown
 * field, or a meeting a colleague has since removed).
 */
export function parseDestination(doc: Y.Doc, value: string): CaptureDestination | undefined {
  if (value === 'chronology') return { kind: 'chronology' };
  const colon = value.indexOf(':');
  if (colon < 0) return undefined;
  const kind = value.slice(0, colon);
  const rest = value.slice(colon + 1);
  if (kind === 'text') {
    const known = CAPTURE_TEXT_FIELDS.find((f) => f.field === rest);
    return known ? { kind: 'text', field: known.field } : undefined;
  }
  if (kind === 'minutes' && Meeting.liveMaps(planRoots(doc).meetings).some((m) => m.get('id') === rest)) {
    return { kind: 'minutes', meetingId: rest };
  }
  return undefined;
}

/** The label of a destination value in `doc` ('' when it names nothing there). */
export function destinationLabel(doc: Y.Doc, value: string): string {
  return destinationOptions(doc).find((o) => o.value === value)?.label ?? '';
}
