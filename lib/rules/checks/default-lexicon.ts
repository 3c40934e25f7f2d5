/**
 * The shipped jargon lexicon: terms from child protection practice in England that parents often do
 * not know, each with plain wording. Sources: the seeds' own vocabulary (ICPC, RCPC/CPRC, CPP, IRO,
 * S47, "core group", "contingency plan", "significant harm", "strategy discussion") and Working
 * Together 2023's terms.
 *
 * `plain` is written to stand in the sentence where the term stood, so `toPlainLanguage` can swap it
 * in ("at the ICPC" → "at the first child protection conference"); a leading "the"/"a" is merged
 * with any article already before the term. Longer terms win over shorter ones they contain.
 */
import { compileLexicon, type CompiledLexicon, type Lexicon } from './lexicon.ts';

export const DEFAULT_LEXICON: Lexicon = [
  // Meetings and processes
  { term: 'ICPC', kind: 'acronym', plain: 'the first child protection conference', spelt: 'Initial Child Protection Conference' },
  { term: 'RCPC', kind: 'acronym', plain: 'the review child protection conference', spelt: 'Review Child Protection Conference', aliases: ['CPRC'] },
  { term: 'CPC', kind: 'acronym', plain: 'the child protection conference', spelt: 'Child Protection Conference' },
  { term: 'initial child protection conference', kind: 'phrase', plain: 'the first child protection conference' },
  {
    term: 'strategy discussion',
    kind: 'phrase',
    plain: 'a meeting of social care, police and health to decide how to keep the child safe',
    aliases: ['strategy meeting'],
  },
  { term: 'core group meeting', kind: 'phrase', plain: 'plan meeting', meaning: 'the family and professionals meeting to check how the plan is going' },
  { term: 'core group', kind: 'phrase', plain: 'plan group', meaning: 'the family and professionals who meet to carry out the plan' },
  { term: 'MARAC', kind: 'acronym', plain: 'the domestic abuse safety meeting', spelt: 'Multi-Agency Risk Assessment Conference' },
  { term: 'MASH', kind: 'acronym', plain: 'the team that first looks at worries about a child', spelt: 'Multi-Agency Safeguarding Hub' },
  { term: 'TAF', kind: 'acronym', plain: 'team around the family', spelt: 'Team Around the Family' },
  { term: 'CAF', kind: 'acronym', plain: 'early help assessment', spelt: 'Common Assessment Framework' },

  // Law and legal steps
  {
    term: 'S47',
    kind: 'acronym',
    plain: 'child protection',
    spelt: 'Section 47 of the Children Act 1989',
    aliases: ['s47', 's.47', 'S.47'],
  },
  { term: 'section 47', kind: 'phrase', plain: 'child protection', meaning: 'enquiries into whether a child is at risk of serious harm' },
  { term: 'S17', kind: 'acronym', plain: 'child in need', spelt: 'Section 17 of the Children Act 1989', aliases: ['s17', 's.17', 'S.17'] },
  { term: 'section 17', kind: 'phrase', plain: 'child in need' },
  { term: 'S20', kind: 'acronym', plain: 'care agreed with the parents', spelt: 'Section 20 of the Children Act 1989', aliases: ['s20', 's.20', 'S.20'] },
  { term: 'section 20', kind: 'phrase', plain: 'care agreed with the parents' },
  { term: 'PLO', kind: 'acronym', plain: 'the formal steps before going to court', spelt: 'Public Law Outline' },
  { term: 'pre-proceedings', kind: 'phrase', plain: 'the formal steps before going to court' },
  { term: 'EPO', kind: 'acronym', plain: 'an emergency court order to keep a child safe', spelt: 'Emergency Protection Order' },
  { term: 'ICO', kind: 'acronym', plain: 'a temporary care order from the court', spelt: 'Interim Care Order' },
  { term: 'interim care order', kind: 'phrase', plain: 'a temporary care order from the court' },
  { term: 'SGO', kind: 'acronym', plain: 'a court order for a relative or friend to bring up the child', spelt: 'Special Guardianship Order' },
  { term: 'significant harm', kind: 'phrase', plain: 'serious harm' },

  // Plans, status and people
  { term: 'CPP', kind: 'acronym', plain: 'child protection plan', spelt: 'Child Protection Plan' },
  { term: 'CP', kind: 'acronym', plain: 'child protection', spelt: 'Child Protection' },
  { term: 'CIN', kind: 'acronym', plain: 'child in need', spelt: 'Child in Need' },
  { term: 'LAC', kind: 'acronym', plain: 'in care', spelt: 'Looked After Child' },
  { term: 'CLA', kind: 'acronym', plain: 'in care', spelt: 'Child Looked After' },
  { term: 'looked after child', kind: 'phrase', plain: 'child in care', aliases: ['looked-after child'] },
  { term: 'looked after children', kind: 'phrase', plain: 'children in care', aliases: ['looked-after children'] },
  { term: 'contingency plan', kind: 'phrase', plain: 'back-up plan', meaning: 'what will happen if things do not get better quickly enough' },
  { term: 'outline plan', kind: 'phrase', plain: 'first version of the plan' },
  { term: 'IRO', kind: 'acronym', plain: 'the independent chair', spelt: 'Independent Reviewing Officer' },
  { term: 'CSC', kind: 'acronym', plain: "children's social care", spelt: "Children's Social Care" },
  { term: 'LA', kind: 'acronym', plain: 'the council', spelt: 'Local Authority' },
  { term: 'SW', kind: 'acronym', plain: 'social worker', spelt: 'Social Worker' },
  { term: 'HV', kind: 'acronym', plain: 'health visitor', spelt: 'Health Visitor' },
  { term: 'CAMHS', kind: 'acronym', plain: "children's mental health service", spelt: 'Child and Adolescent Mental Health Services' },
  { term: 'DA', kind: 'acronym', plain: 'domestic abuse', spelt: 'Domestic Abuse' },
  { term: 'DV', kind: 'acronym', plain: 'domestic abuse', spelt: 'Domestic Violence' },
  { term: 'NFA', kind: 'acronym', plain: 'no further action', spelt: 'No Further Action' },

  // Professional phrases
  { term: 'disguised compliance', kind: 'phrase', plain: 'seeming to go along with the plan without really changing' },
  { term: 'protective factors', kind: 'phrase', plain: 'things that help keep the child safe' },
  { term: 'non-engagement', kind: 'phrase', plain: 'not taking part', aliases: ['non engagement'] },
  { term: 'multi-agency', kind: 'phrase', plain: 'joint', aliases: ['multi agency', 'multiagency'] },
  { term: 'statutory visit', kind: 'phrase', plain: 'required visit' },
  { term: 'chronology', kind: 'phrase', plain: 'timeline of events' },
];

/** `DEFAULT_LEXICON` compiled once, for the checks' default. */
export const DEFAULT_COMPILED_LEXICON: CompiledLexicon = compileLexicon(DEFAULT_LEXICON);
