import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRichText, richTextToPlain } from '../../../lib/plan/rich-text.ts';
import { toPlainLanguageNode } from '../../../lib/export/plain-language-node.ts';
import { fragmentWith, listOf, writeParagraphs } from './plan-fixture.ts';

describe('toPlainLanguageNode', () => {
  it('replaces jargon with the lexicon’s plain wording, even across bold runs', () => {
    const { fragment } = fragmentWith((f) => writeParagraphs(f, [['At the ', { bold: 'ICPC' }, ' the core group agreed the CPP.']]));
    expect(richTextToPlain(toPlainLanguageNode(readRichText(fragment)))).toBe(
      'At the first child protection conference the plan group agreed the child protection plan.',
    );
  });

  it('keeps lists and line breaks', () => {
    const { fragment } = fragmentWith((f) => {
      f.push([listOf('ordered_list', ['Visit by the HV', 'Attend the RCPC'])]);
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('ICPC'), new Y.XmlElement('hard_break'), new Y.XmlText('S47')]);
      f.push([p]);
    });
    const node = toPlainLanguageNode(readRichText(fragment));
    expect(node.firstChild!.type.name).toBe('ordered_list');
    expect(richTextToPlain(node)).toBe(
      'Visit by the health visitor\n\nAttend the review child protection conference\n\nThe first child protection conference\nChild protection',
    );
  });
});
