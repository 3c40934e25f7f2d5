/**
 * Property tests: the checks run on whatever is in the document as people type, so no string and no
 * shape of record may make them throw, and what they return must always be usable findings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../../../lib/rules/checks/check-inputs.ts';
import { RULE_IDS, type Finding } from '../../../../lib/rules/checks/findings.ts';
import { checkPlainLanguage, toPlainLanguage } from '../../../../lib/rules/checks/plain-language.ts';
import { checkPlan } from '../../../../lib/rules/checks/plan-completeness.ts';
import { checkAction, checkOutcome } from '../../../../lib/rules/checks/smart.ts';
import { MEMBERS, TODAY } from './smart-fixtures.ts';

// Pieces that exercise the matchers (terms, aliases, articles, sentence ends) mixed with any code point.
// The pieces are weighted so that articles next to terms, the hardest case for fixes, come up often.
const piece = fc.oneof(
  {
    arbitrary: fc.constantFrom('ICPC', 'the ', 'an ', 'A ', 's.47', 'S47', 'section 47', 'core group', 'core-group meeting', '(MARAC)', 'DBS', 'Ava', '. ', '\n', '- ', ' ', 'lack', 'LACs', '’s', '2025-02-29'),
    weight: 6,
  },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 6 }), weight: 2 },
  // Lone surrogates: what a broken paste can leave in a Y.Text.
  { arbitrary: fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 2 }), weight: 1 },
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
const maybeDate = fc.oneof(text, fc.constantFrom('2025-03-10', '2025-02-30', '', '2025-05-29', '0000-00-00'));

const action = fc.record(
  {
    id: fc.oneof(fc.string(), fc.anything()),
    description: fc.oneof(text, fc.anything()),
    ownerId: fc.oneof(fc.constantFrom('sw', 'hv', 'nobody'), fc.anything()),
    dueDate: fc.oneof(maybeDate, fc.anything()),
    measure: fc.oneof(text, fc.anything()),
    agencyAgreed: fc.anything(),
    status: fc.oneof(fc.constantFrom('open', 'done', 'DONE'), fc.anything()),
  },
  { requiredKeys: [] },
);
const outcome = fc.record(
  {
    id: fc.anything(),
    statement: fc.oneof(text, fc.anything()),
    domain: fc.oneof(fc.constantFrom('developmental-needs', 'parenting-capacity', 'family-environment'), fc.anything()),
    measure: fc.oneof(text, fc.anything()),
    dueDate: fc.oneof(maybeDate, fc.anything()),
    sustainability: fc.oneof(text, fc.anything()),
    actions: fc.oneof(fc.array(action, { maxLength: 4 }), fc.anything()),
  },
  { requiredKeys: [] },
);
const plan = fc.oneof(
  fc.record(
    {
      harms: fc.oneof(fc.array(fc.record({ category: fc.anything(), description: text, impact: fc.anything() }), { maxLength: 3 }), fc.anything()),
      dangerStatement: fc.oneof(text, fc.anything()),
      outcomes: fc.oneof(fc.array(outcome, { maxLength: 3 }), fc.anything()),
      contingencyPlan: fc.oneof(text, fc.anything()),
      visiting: fc.oneof(fc.record({ frequency: fc.anything(), seenAlone: text }, { requiredKeys: [] }), fc.anything()),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);
// Everything in the context may come from the document except `today`, which the caller supplies.
const context: fc.Arbitrary<CheckContext> = fc.record({
  members: fc.oneof(fc.constant(MEMBERS), fc.array(fc.anything(), { maxLength: 3 })),
  childNames: fc.oneof(fc.constant(['Ava Testington']), fc.array(fc.oneof(text, fc.anything()), { maxLength: 3 })),
  nextReviewDate: fc.oneof(maybeDate, fc.anything()),
  today: fc.constant(TODAY),
  openActions: fc.oneof(fc.constant(undefined), fc.array(action, { maxLength: 5 })),
}) as fc.Arbitrary<CheckContext>;

/** Every finding is well formed, and every replace fix points at exactly the text it replaces. */
function expectUsable(findings: Finding[], fieldText: (field: string) => unknown = () => undefined): void {
  for (const finding of findings) {
    expect(RULE_IDS).toContain(finding.rule);
    expect(['blocking', 'advice']).toContain(finding.severity);
    expect(typeof finding.message).toBe('string');
    const source = fieldText(finding.field);
    if (finding.fix?.kind === 'replace' && typeof source === 'string') {
      expect(source.slice(finding.fix.index, finding.fix.index + finding.fix.from.length)).toBe(finding.fix.from);
    }
  }
}

describe('checkPlainLanguage', () => {
  it('never throws, and every fix replaces exactly the text at its index', () => {
    fc.assert(fc.property(text, (value) => expectUsable(checkPlainLanguage(value), () => value)), { numRuns: 1000 });
  });

  it('never throws on a value that is not a string', () => {
    fc.assert(fc.property(fc.anything(), (value) => expectUsable(checkPlainLanguage(value as string))));
  });
});

describe('toPlainLanguage', () => {
  it('never throws, and rewriting plain text again changes nothing', () => {
    fc.assert(
      fc.property(text, (value) => {
        const once = toPlainLanguage(value);
        expect(toPlainLanguage(once)).toBe(once);
      }),
    );
  });
});

describe('checkAction', () => {
  it('never throws on any action or document-derived context', () => {
    fc.assert(
      fc.property(fc.oneof(action, fc.anything()), context, (value, ctx) => {
        const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
        expectUsable(checkAction(value as never, ctx), (field) => record[field]);
      }),
    );
  });
});

describe('checkOutcome', () => {
  it('never throws on any outcome or document-derived context', () => {
    fc.assert(fc.property(fc.oneof(outcome, fc.anything()), context, (value, ctx) => expectUsable(checkOutcome(value as never, ctx))));
  });
});

describe('checkPlan', () => {
  it('never throws on any plan or document-derived context', () => {
    fc.assert(fc.property(plan, context, (value, ctx) => expectUsable(checkPlan(value as never, ctx))), { numRuns: 200 });
  });
});
