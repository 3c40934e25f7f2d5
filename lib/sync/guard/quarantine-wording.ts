/** What the plan view says about a quarantined update (UK English). */
import type { QuarantinedUpdate } from './quarantine.ts';
import type { RefusalReason } from './update-guard.ts';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function describeQuarantined(entry: QuarantinedUpdate): { title: string; detail: string } {
  const { records, text, versions } = entry.removal;
  const parts = [
    records > 0 ? plural(records, 'record', 'records') : '',
    text > 0 ? plural(text, 'character of text', 'characters of text') : '',
    versions > 0 ? plural(versions, 'saved version', 'saved versions') : '',
  ].filter(Boolean);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'part of the plan');
  return {
    title: versions > 0 ? 'A colleague’s copy removed a saved version of the plan' : 'A colleague’s copy removed most of the plan',
    detail: `Their change would remove ${list}. It has not been applied: your copy is unchanged. Keep our copy to leave it out, or accept it if the plan really should lose this.`,
  };
}

/** Why a plan opens read-only, or null when it can be edited. */
export function readOnlyReason(migration: string): string | null {
  if (migration === 'newer') {
    return 'This plan was last saved by a newer version of the extension. You can read it here; update the extension before editing, so nothing it added is lost.';
  }
  if (migration === 'damaged') {
    return 'This plan’s version marker was damaged by a copy of the extension before this one checked colleagues’ changes. Everything in the plan is intact and shown below, read-only. Save a backup, then ask your administrator for help.';
  }
  return null;
}

/** Why a colleague's change was refused, for a person (UK English). */
export function describeRefusal(reason: RefusalReason): string {
  return REFUSALS[reason];
}

const REFUSALS: Readonly<Record<RefusalReason, string>> = {
  malformed: 'A colleague’s copy sent a change that could not be read. It was not applied: your copy is unchanged.',
  'forged-client': 'A change arrived claiming to come from another copy of the plan. It was not applied: your copy is unchanged.',
  'schema-marker': 'A colleague’s copy uses a newer version of the extension. Its change was not applied; update the extension to receive it.',
  membership:
    'A colleague’s copy tried to rewrite the plan’s record of who its members are (removing or reordering entries). It was not applied: your copy is unchanged.',
};
