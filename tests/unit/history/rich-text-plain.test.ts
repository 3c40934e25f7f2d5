import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { plainText } from '../../../lib/history/rich-text-plain.ts';

function element(name: string, children: (Y.XmlElement | Y.XmlText)[]): Y.XmlElement {
  const el = new Y.XmlElement(name);
  el.insert(0, children);
  return el;
}
function text(value: string, attributes?: Record<string, unknown>): Y.XmlText {
  const t = new Y.XmlText();
  t.insert(0, value, attributes);
  return t;
}

describe('plainText', () => {
  it('reads paragraphs one a line, dropping formatting', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    const p2 = element('paragraph', [text('Leo ')]);
    fragment.insert(0, [element('paragraph', [text('Ava is safe.')]), p2]);
    (p2.get(0) as Y.XmlText).insert(4, 'is happy', { strong: {} });
    expect(plainText(fragment)).toBe('Ava is safe.\nLeo is happy');
  });

  it('marks list items and numbers ordered ones', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    fragment.insert(0, [
      element('bullet_list', [element('list_item', [element('paragraph', [text('School')])]), element('list_item', [element('paragraph', [text('GP')])])]),
      element('ordered_list', [element('list_item', [element('paragraph', [text('First')]), element('paragraph', [text('more')])])]),
    ]);
    expect(plainText(fragment)).toBe('• School\n• GP\n1. First\n   more');
  });

  it('reads a hard break as a space and an empty field as nothing', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    expect(plainText(fragment)).toBe('');
    fragment.insert(0, [element('paragraph', [text('One'), new Y.XmlElement('hard_break'), text('two')])]);
    expect(plainText(fragment)).toBe('One two');
  });
});
