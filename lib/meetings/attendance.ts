/**
 * Who came to a meeting. An attendance entry either names a core group member (memberId, with the
 * name and agency copied as they were on the day, so the record of the meeting stays true if the
 * member later leaves the group) or someone typed in by name and agency.
 */
import { ATTENDANCE, type Attendance, type FieldProblem } from '../plan/index.ts';

/** How each attendance status reads. */
export const ATTENDANCE_LABELS: Readonly<Record<Attendance, string>> = {
  present: 'Present',
  apologies: 'Sent apologies',
  absent: 'Absent (no apologies)',
};

/** True for a stored status this version knows. */
export function isAttendance(status: string): status is Attendance {
  return (ATTENDANCE as readonly string[]).includes(status);
}

/** The label of a stored status; an unknown one reads as "Not recorded". */
export function attendanceLabel(status: string): string {
  return isAttendance(status) ? ATTENDANCE_LABELS[status] : 'Not recorded';
}

/** The core group members not yet on a meeting's attendance list, in the order given. */
export function membersNotListed<M extends { id: string }>(members: readonly M[], entries: readonly { memberId: string }[]): M[] {
  const listed = new Set(entries.map((e) => e.memberId).filter((id) => id !== ''));
  return members.filter((m) => !listed.has(m.id));
}

/** A count of each status, e.g. "3 present, 1 sent apologies"; '' for nobody listed. */
export function summariseAttendance(entries: readonly { status: string }[]): string {
  const parts: string[] = [];
  for (const status of ATTENDANCE) {
    const count = entries.filter((e) => e.status === status).length;
    if (count > 0) parts.push(`${count} ${ATTENDANCE_LABELS[status].toLowerCase()}`);
  }
  return parts.join(', ');
}

export interface AttendeeDraft {
  /** A member's id, or '' for someone typed in. */
  memberId: string;
  name: string;
  agency: string;
  status: string;
}

/** Field names in problems: 'name', 'status'. A picked member needs no typed name. */
export function checkAttendeeDraft(draft: AttendeeDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (draft.memberId === '' && draft.name.trim() === '') problems.push({ field: 'name', message: 'Enter the name of the person, or choose a core group member.' });
  if (!isAttendance(draft.status)) problems.push({ field: 'status', message: 'Choose whether they were present, sent apologies or were absent.' });
  return problems;
}
