/**
 * Checks what a member typed to create a plan. Returns problems for the form to show beside each
 * field; never throws. A child needs a name and either a date of birth (not in the future) or an
 * expected date of delivery (not long past, not more than ten months ahead). The initial
 * conference, when given, was held on a real date no later than today, or is booked for today or later.
 */
import { isIsoDate } from '../dates/iso-date.ts';
import { addMonths } from '../rules/calendar/calendar.ts';
import type { NewChild, NewConference } from './types.ts';

export interface FieldProblem {
  /** 'familyName', 'profileId', `children.<index>.<name|dob|edd>`, or 'conferenceDate'. */
  field: string;
  message: string;
}

export interface NewPlanInput {
  familyName: string;
  children: NewChild[];
  profileId: string;
  /** Undefined when the conference has not been held or booked yet. */
  conference?: NewConference;
}

/** A pregnancy lasts about nine months: an expected date of delivery further ahead is a typing slip. */
const MAX_MONTHS_TO_EDD = 10;

export function validateNewPlan(input: NewPlanInput, today: string, knownProfiles: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.familyName.trim() === '') problems.push({ field: 'familyName', message: 'Enter the family name.' });
  if (!knownProfiles.includes(input.profileId)) {
    problems.push({ field: 'profileId', message: 'Choose the timescales your safeguarding partnership uses.' });
  }
  if (input.children.length === 0) problems.push({ field: 'children', message: 'Add at least one child.' });
  input.children.forEach((child, i) => problems.push(...validateChild(child, i, today)));
  if (input.conference) problems.push(...validateConference(input.conference, today));
  return problems;
}

function validateConference({ date, scheduled }: NewConference, today: string): FieldProblem[] {
  const field = 'conferenceDate';
  if (date === '') return [{ field, message: 'Enter the date of the initial conference, or choose “Not held or booked yet”.' }];
  if (!isIsoDate(date)) return [{ field, message: 'The date of the initial conference is not a real date.' }];
  if (!scheduled && date > today) {
    return [{ field, message: 'This date is still to come, so the conference cannot have been held yet. If it is booked, choose “Booked”.' }];
  }
  if (scheduled && date < today) {
    return [{ field, message: 'This date has passed, so the conference is no longer to come. If it was held, choose “Held”.' }];
  }
  return [];
}

function validateChild(child: NewChild, index: number, today: string): FieldProblem[] {
  const at = (name: string) => `children.${index}.${name}`;
  const who = `child ${index + 1}`;
  const problems: FieldProblem[] = [];
  if (child.name.trim() === '') problems.push({ field: at('name'), message: `Enter the name of ${who} (a first name or "Unborn baby" is fine).` });
  const dob = child.dob ?? '';
  const edd = child.edd ?? '';
  if (dob === '' && edd === '') {
    problems.push({ field: at('dob'), message: `Enter a date of birth for ${who}, or an expected date of delivery if the baby is not born yet.` });
  } else if (dob !== '' && edd !== '') {
    problems.push({ field: at('edd'), message: `Give either a date of birth or an expected date of delivery for ${who}, not both.` });
  } else if (dob !== '') {
    if (!isIsoDate(dob)) problems.push({ field: at('dob'), message: `The date of birth for ${who} is not a real date.` });
    else if (dob > today) problems.push({ field: at('dob'), message: `The date of birth for ${who} is in the future. For an unborn baby, use the expected date of delivery.` });
  } else if (!isIsoDate(edd)) {
    problems.push({ field: at('edd'), message: `The expected date of delivery for ${who} is not a real date.` });
  } else if (edd > addMonths(today, MAX_MONTHS_TO_EDD)) {
    problems.push({ field: at('edd'), message: `The expected date of delivery for ${who} is more than ${MAX_MONTHS_TO_EDD} months away. Check the year.` });
  }
  return problems;
}
