import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import { richTextFragment, richTextSchema } from '../../../lib/plan/index.ts';
import { locatePlainRange, readRichTextPlain, richTextPlain } from '../../../lib/checks/rich-text-plain.ts';
import { newPlan, writeRichText } from './plan-doc-fixtures.ts';

describe('richTextPlain', () => {
  it('is empty for a field nobody has written in', () => {
    expect(richTextPlain(richTextFragment(newPlan(), 'contingency'))).toBe('');
  });

  it('puts each paragraph on its own line and keeps the words of formatted text', () => {
    const doc = newPlan();
    writeRichText(doc, 'danger-statement', ['We are worried about **Ava**.', 'Agreed at the ICPC.']);
    expect(richTextPlain(richTextFragment(doc, 'danger-statement'))).toBe('We are worried about Ava.\nAgreed at the ICPC.');
  });

  it('reads list items and hard breaks as separate lines', () => {
    const doc = newPlan();
    const json = {
      type: 'doc',
      content: [
        {
          type: 'bullet_list',
          content: [
            { type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'First point' }] }] },
            { type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Second point' }] }] },
          ],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'One' }, { type: 'hard_break' }, { type: 'text', text: 'Two' }] },
      ],
    };
    prosemirrorJSONToYXmlFragment(richTextSchema, json, richTextFragment(doc, 'contingency'));
    expect(richTextPlain(richTextFragment(doc, 'contingency'))).toBe('First point\nSecond point\nOne\nTwo');
  });
});

describe('locatePlainRange', () => {
  it('finds the Y.XmlText and offset of a word in the second paragraph', () => {
    const doc = newPlan();
    writeRichText(doc, 'danger-statement', ['We are worried.', 'Agreed at the ICPC.']);
    const plain = readRichTextPlain(richTextFragment(doc, 'danger-statement'));
    const at = plain.text.indexOf('ICPC');
    const place = locatePlainRange(plain, at, 4);
    expect(place).toBeDefined();
    expect(place!.node.toString()).toBe('Agreed at the ICPC.');
    expect(place!.offset).toBe('Agreed at the '.length);
  });

  it('finds a word that is half bold (two runs of one node)', () => {
    const doc = newPlan();
    writeRichText(doc, 'danger-statement', ['At the IC**PC** today.']);
    const plain = readRichTextPlain(richTextFragment(doc, 'danger-statement'));
    expect(plain.text).toBe('At the ICPC today.');
    expect(locatePlainRange(plain, plain.text.indexOf('ICPC'), 4)?.offset).toBe(7);
  });

  it('refuses a range across two paragraphs or outside the text', () => {
    const doc = newPlan();
    writeRichText(doc, 'danger-statement', ['One two', 'three']);
    const plain = readRichTextPlain(richTextFragment(doc, 'danger-statement'));
    expect(locatePlainRange(plain, plain.text.indexOf('two'), 'two\nthr'.length)).toBeUndefined();
    expect(locatePlainRange(plain, 50, 3)).toBeUndefined();
    expect(locatePlainRange(plain, 0, 0)).toBeUndefined();
  });

  it('reads a fragment that holds unexpected nodes without throwing', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('text:contingency');
    const text = new Y.XmlText();
    fragment.insert(0, [new Y.XmlElement('mystery'), text]);
    text.insert(0, 'Loose words');
    expect(richTextPlain(fragment)).toBe('Loose words');
  });
});
