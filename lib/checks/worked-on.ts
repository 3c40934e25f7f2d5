/**
 * Which of a plan's sections this member has worked on, so the section navigation shows findings
 * only where they have acted (the GOV.UK pattern: no errors before the user does anything). A new
 * plan opens calm; a section's count appears once the member edits something in it, and every
 * count appears once they ask to agree the plan (or record it as circulated) and are refused.
 *
 * Kept per device and per plan in extension storage (`worked-on:<planId>`), never in the shared
 * document: it is about one member's attention, and a colleague's edits must not make counts
 * appear on a screen where this member has not started. Stored data is untrusted: anything
 * malformed reads as "nothing worked on yet".
 */
import type { KeyValueArea } from '../platform/key-value-area.ts';
import { storedKey, type StoredSource } from '../platform/stored-source.ts';

export interface WorkedOn {
  /** Section ids the member has edited something in, on this device. */
  sections: readonly string[];
  /** True once the member asked to agree the plan (or mark it circulated): every count shows. */
  all: boolean;
}

export const NOTHING_WORKED_ON: WorkedOn = Object.freeze({ sections: Object.freeze([]), all: false });

const PREFIX = 'worked-on:';
const keyFor = (planId: string) => PREFIX + planId;

export function parseWorkedOn(stored: unknown): WorkedOn {
  if (typeof stored !== 'object' || stored === null) return NOTHING_WORKED_ON;
  const v = stored as Record<string, unknown>;
  const sections = Array.isArray(v.sections) ? v.sections.filter((s): s is string => typeof s === 'string' && s.length <= 40) : [];
  return { sections, all: v.all === true };
}

export function workedOnSource(planId: string): StoredSource<WorkedOn> {
  return storedKey(keyFor(planId), parseWorkedOn);
}

/** Whether a section's findings are shown. */
export function showsFindings(workedOn: WorkedOn, section: string): boolean {
  return workedOn.all || workedOn.sections.includes(section);
}

/** Only the entries of `bySection` (counts, findings…) for sections whose findings are shown. */
export function shownSections<T>(bySection: Record<string, T>, workedOn: WorkedOn): Record<string, T> {
  return Object.fromEntries(Object.entries(bySection).filter(([section]) => showsFindings(workedOn, section)));
}

/** Remembers that the member edited something in `section` (nothing is written if it is known). */
export async function markWorkedOn(area: KeyValueArea, planId: string, section: string): Promise<void> {
  const now = await workedOnSource(planId).read(area);
  if (showsFindings(now, section)) return;
  await area.set({ [keyFor(planId)]: { sections: [...now.sections, section], all: now.all } });
}

/** Remembers that the member asked to agree the plan: from now on every section's findings show. */
export async function markAllWorkedOn(area: KeyValueArea, planId: string): Promise<void> {
  const now = await workedOnSource(planId).read(area);
  if (now.all) return;
  await area.set({ [keyFor(planId)]: { sections: now.sections, all: true } });
}

/** Forgets a deleted plan's record. */
export function forgetWorkedOn(area: KeyValueArea, planId: string): Promise<void> {
  return area.remove([keyFor(planId)]);
}
