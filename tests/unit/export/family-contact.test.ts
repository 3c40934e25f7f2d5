import { describe, expect, it } from 'vitest';
import { findSocialWorker } from '../../../lib/export/family-contact.ts';
import type { MemberValue } from '../../../lib/plan/index.ts';

const member = (id: string, name: string, agency: string, role: string): MemberValue =>
  ({ id, order: 0, name, agency, role, contact: '', chair: false, deputy: false, minuteTaker: false }) as MemberValue;

describe('findSocialWorker', () => {
  it('prefers the lead social worker, then any social worker, then children’s social care, a manager last', () => {
    const manager = member('tm', 'Rae Manager', 'Children’s Social Care', 'Team manager');
    const csc = member('csc', 'Kit Worker', 'CSC', 'Family support');
    const sw = member('sw', 'Priya Fieldworth', 'Children’s Social Care', 'Social worker');
    const lead = member('lead', 'Sam Sample', 'Children’s Social Care', 'Lead social worker');
    const hv = member('hv', 'Hana Visitor', 'Health visiting', 'Health visitor');
    expect(findSocialWorker([hv, manager, csc, sw, lead])?.id).toBe('lead');
    expect(findSocialWorker([hv, manager, csc, sw])?.id).toBe('sw');
    expect(findSocialWorker([hv, manager, csc])?.id).toBe('csc');
    expect(findSocialWorker([hv, manager])?.id).toBe('tm');
  });

  it('finds nobody among other agencies or unnamed members', () => {
    expect(findSocialWorker([member('hv', 'Hana Visitor', 'Health visiting', 'Health visitor')])).toBeUndefined();
    expect(findSocialWorker([member('x', ' ', 'CSC', 'Lead social worker')])).toBeUndefined();
  });
});
