import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isBlank, readRichText, richTextToPlain, toPlainLanguageNode } from '../../../lib/export/rich-text-print.ts';
import { writeParagraphs } from './plan-fixture.ts';

function fragmentWith(build: (fragment: Y.XmlFragment) => void): { doc: Y.Doc; fragment: Y.XmlFragment } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('text:test');
  doc.transact(() => build(fragment));
  return { doc, fragment };
}

function list(kind: 'bullet_list' | 'ordered_list', items: string[]): Y.XmlElement {
  const element = new Y.XmlElement(kind);
  element.insert(0, items.map((item) => {
    const li = new Y.XmlElement('list_item');
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(item)]);
    li.insert(0, [p]);
    return li;
  }));
  return element;
}

describe('readRichText', () => {
  it('reads paragraphs, marks, links and lists as y-prosemirror stores them', () => {
    const { fragment } = fragmentWith((f) => {
      writeParagraphs(f, [['Ava has missed ', { bold: 'three' }, ' appointments.']]);
      f.push([list('bullet_list', ['School', 'Health'])]);
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

describe('toPlainLanguageNode', () => {
  it('replaces jargon with the lexicon’s plain wording, even across bold runs', () => {
    const { fragment } = fragmentWith((f) => writeParagraphs(f, [['At the ', { bold: 'ICPC' }, ' the core group agreed the CPP.']]));
    expect(richTextToPlain(toPlainLanguageNode(readRichText(fragment)))).toBe(
      'At the first child protection conference the plan group agreed the child protection plan.',
    );
  });

  it('keeps lists and line breaks', () => {
    const { fragment } = fragmentWith((f) => {
      f.push([list('ordered_list', ['Visit by the HV', 'Attend the RCPC'])]);
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
