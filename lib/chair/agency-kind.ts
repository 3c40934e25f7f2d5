/**
 * Which part of the multi-agency system an agency belongs to, read from the free text members
 * type ("Children's Social Care", "CSC", "Health visiting", "Merseyside Police"…). Quorum and
 * chairing rules are about these kinds, not about exact names.
 */
export type AgencyKind = 'social-care' | 'police' | 'health' | 'midwifery' | 'education' | 'other';

const PATTERNS: [AgencyKind, RegExp][] = [
  ['midwifery', /\bmidwi/i],
  ['social-care', /\b(social care|social work|children'?s services|children’s services|csc|social services)\b/i],
  ['police', /\bpolice\b/i],
  ['health', /\b(health|nhs|gp|doctor|nurse|paediatric|hospital|camhs|health visit)/i],
  ['education', /\b(school|education|nursery|college|academy|teacher)\b/i],
];

export function agencyKind(agency: string): AgencyKind {
  for (const [kind, pattern] of PATTERNS) if (pattern.test(agency)) return kind;
  return 'other';
}
