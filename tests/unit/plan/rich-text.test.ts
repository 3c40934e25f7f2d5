import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import { richTextFragment, richTextSchema } from '../../../lib/plan/index.ts';
import {
  isBlank, locatePlainRange, plainText, readRichText, readRichTextPlain, richTextPlain, richTextToPlain,
} from '../../../lib/plan/rich-text.ts';
import { newPlan, writeRichText } from '../checks/plan-doc-fixtures.ts';
import { fragmentWith, listOf, writeParagraphs } from '../export/plan-fixture.ts';

// Plain text with runs (the checks and their one-click fixes)

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

// Lines with lists marked (history)

function element(name: string, children: (Y.XmlElement | Y.XmlText)[]): Y.XmlElement {
  const el = new Y.XmlElement(name);
  el.insert(0, children);
  return el;
}
function textNode(value: string, attributes?: Record<string, unknown>): Y.XmlText {
  const t = new Y.XmlText();
  t.insert(0, value, attributes);
  return t;
}

describe('plainText', () => {
  it('reads paragraphs one a line, dropping formatting', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    const p2 = element('paragraph', [textNode('Leo ')]);
    fragment.insert(0, [element('paragraph', [textNode('Ava is safe.')]), p2]);
    (p2.get(0) as Y.XmlText).insert(4, 'is happy', { strong: {} });
    expect(plainText(fragment)).toBe('Ava is safe.\nLeo is happy');
  });

  it('marks list items and numbers ordered ones', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    fragment.insert(0, [
      element('bullet_list', [element('list_item', [element('paragraph', [textNode('School')])]), element('list_item', [element('paragraph', [textNode('GP')])])]),
      element('ordered_list', [element('list_item', [element('paragraph', [textNode('First')]), element('paragraph', [textNode('more')])])]),
    ]);
    expect(plainText(fragment)).toBe('• School\n• GP\n1. First\n   more');
  });

  it('reads a hard break as a space and an empty field as nothing', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    expect(plainText(fragment)).toBe('');
    fragment.insert(0, [element('paragraph', [textNode('One'), new Y.XmlElement('hard_break'), textNode('two')])]);
    expect(plainText(fragment)).toBe('One two');
  });
});

// The ProseMirror node (print)

describe('readRichText', () => {
  it('reads paragraphs, marks, links and lists as y-prosemirror stores them', () => {
    const { fragment } = fragmentWith((f) => {
      writeParagraphs(f, [['Ava has missed ', { bold: 'three' }, ' appointments.']]);
      f.push([listOf('bullet_list', ['School', 'Health'])]);
    });
    const node = readRichText(fragment);
    expect(node.toJSON()).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Ava has missed ' }, { type: 'text', text: 'three', marks: [{ type: 'strong' }] }, { type: 'text', text: ' appointments.' }] },
        {
          type: 'bullet_list',
          content: ['School', 'Health'].map((text) => ({ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })),
        },
      ],
    });
  });

  it('reads a link with its address', () => {
    const { fragment } = fragmentWith((f) => {
      const p = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      p.insert(0, [text]);
      f.push([p]);
      text.insert(0, 'the record', { link: { href: 'https://example.org/r/1' } });
    });
    expect(readRichText(fragment).firstChild!.firstChild!.marks[0]!.attrs).toEqual({ href: 'https://example.org/r/1' });
  });

  it('keeps the text of a node the schema does not know, and never changes the document', () => {
    const { doc, fragment } = fragmentWith((f) => {
      const table = new Y.XmlElement('table');
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('Inside an unknown node')]);
      table.insert(0, [p]);
      f.push([table, new Y.XmlText('Loose text at the top')]);
    });
    const before = Y.encodeStateAsUpdate(doc);
    const node = readRichText(fragment);
    expect(richTextToPlain(node)).toBe('Inside an unknown node\n\nLoose text at the top');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('reads an empty field as an empty document', () => {
    const { fragment } = fragmentWith(() => {});
    expect(isBlank(readRichText(fragment))).toBe(true);
  });
});

describe('isBlank', () => {
  it('counts a field of empty paragraphs and spaces as blank', () => {
    const { fragment } = fragmentWith((f) => writeParagraphs(f, ['', '   ']));
    expect(isBlank(readRichText(fragment))).toBe(true);
  });
});

describe('richTextToPlain', () => {
  it('separates blocks with a blank line and keeps hard breaks as line breaks', () => {
    const { fragment } = fragmentWith((f) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('Line one'), new Y.XmlElement('hard_break'), new Y.XmlText('line two')]);
      f.push([p]);
      writeParagraphs(f, ['Next paragraph']);
    });
    expect(richTextToPlain(readRichText(fragment))).toBe('Line one\nline two\n\nNext paragraph');
  });
});
