/** Scaling scores from the Strengthening Families framework. */
import { defineRecord } from '../record-spec.ts';

/** A scaling score, 0–10 (0: so unsafe the child cannot stay at home; 10: safe enough to close). */
export const ScalingScore = defineRecord(
  'scaling-score',
  { person: 'string', agency: 'string', score: 'number', date: 'string', note: 'string' },
  { label: 'Scaling score', section: 'framework', elementPrefix: 'score' },
);
