/**
 * Who the member says they are on this machine: shown to peers in presence and recorded as "added by"
 * on what they write. It is a declaration, not an authenticated identity, and the UI says so.
 */
import type { KeyValueArea } from '../platform/key-value-area.ts';
import { storedKey } from '../platform/stored-source.ts';

export interface Identity {
  name: string;
  agency: string;
  role: string;
}

const KEY = 'identity';

export const EMPTY_IDENTITY: Identity = Object.freeze({ name: '', agency: '', role: '' });

/** The stored identity; fields that are not text read as empty, anything else as no identity. */
export const identitySource = storedKey(KEY, (value): Identity => {
  if (typeof value !== 'object' || value === null) return EMPTY_IDENTITY;
  const v = value as Record<string, unknown>;
  const str = (key: string) => (typeof v[key] === 'string' ? (v[key] as string) : '');
  return { name: str('name'), agency: str('agency'), role: str('role') };
});

export function loadIdentity(area: KeyValueArea): Promise<Identity> {
  return identitySource.read(area);
}

/** Problems with what was typed, for the settings form; empty when it can be saved. */
export function validateIdentity(identity: Identity): { field: keyof Identity; message: string }[] {
  const problems: { field: keyof Identity; message: string }[] = [];
  if (identity.name.trim() === '') problems.push({ field: 'name', message: 'Enter your name, as the core group knows you.' });
  if (identity.agency.trim() === '') problems.push({ field: 'agency', message: 'Enter your agency (for example, Children’s Social Care, Health, Education, Police).' });
  return problems;
}

export async function saveIdentity(area: KeyValueArea, identity: Identity): Promise<void> {
  await area.set({ [KEY]: { name: identity.name.trim(), agency: identity.agency.trim(), role: identity.role.trim() } });
}
