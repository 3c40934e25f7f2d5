/** The core group's members and everyone's contact arrangements. */
import { defineRecord } from '../record-spec.ts';

/** A core group member (seed 002): the chair, deputy and minute-taker rota are flags. */
export const Member = defineRecord('member', {
  name: 'string',
  agency: 'string',
  role: 'string',
  contact: 'string',
  chair: 'boolean',
  deputy: 'boolean',
  minuteTaker: 'boolean',
});

/** How often someone sees the child or family. */
export const ContactArrangement = defineRecord('contact', {
  who: 'string',
  withWhom: 'string',
  frequency: 'string',
  seenAlone: 'boolean',
  notes: 'string',
});
