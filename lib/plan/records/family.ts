/** People around the child and the plan's categories of abuse or neglect. */
import { defineRecord } from '../record-spec.ts';

export const CATEGORIES = ['physical', 'emotional', 'sexual', 'neglect'] as const;
/** Category of abuse or neglect (Wirral 3.11): one primary, more only with a recorded reason. */
export type Category = (typeof CATEGORIES)[number];

/** A parent, carer or other significant person in the child's life. */
export const Person = defineRecord('person', {
  name: 'string',
  relationship: 'string',
  /** 'parent' | 'carer' | 'significant' */
  kind: 'string',
  contact: 'string',
}, { label: 'Person', section: 'family', elementPrefix: 'person' });
