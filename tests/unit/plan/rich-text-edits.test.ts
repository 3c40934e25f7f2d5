import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { COMMAND_ORIGIN, richTextSchema } from '../../../lib/plan/index.ts';
import { appendParagraphs, paragraphsOf, replacePlainRange } from '../../../lib/plan/rich-text-edits.ts';
import { plainText, richTextPlain } from '../../../lib/plan/rich-text.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

describe('paragraphsOf', () => {
  it('makes one paragraph a line, dropping blank lines and outer spaces', () => {
    expect(paragraphsOf(' One \n\n  Two\r\nThree ')).toEqual([[{ text: 'One' }], [{ text: 'Two' }], [{ text: 'Three' }]]);
    expect(paragraphsOf('  \n ')).toEqual([]);
  });
});

describe('appendParagraphs', () => {
  it('appends after what is there, in the shape the editor reads, with italics and links as marks', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('text:grey-areas');
    appendParagraphs(doc, fragment, [[{ text: 'Existing.' }]]);
    appendParagraphs(doc, fragment, [[{ text: 'Ava was late.' }], [{ text: 'From ', italic: true }, { text: 'Case note', italic: true, href: 'https://case.example/1' }]]);
    const node = yXmlFragmentToProseMirrorRootNode(fragment, richTextSchema);
    expect(node.toJSON()).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Existing.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Ava was late.' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'From ', marks: [{ type: 'em' }] },
            { type: 'text', text: 'Case note', marks: [{ type: 'em' }, { type: 'link', attrs: { href: 'https://case.example/1' } }] },
          ],
        },
      ],
    });
  });

  it('writes in one transaction tagged as a command', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    // Counted by updates: Yjs follows any text change with an empty formatting clean-up transaction of its own.
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    appendParagraphs(doc, doc.getXmlFragment('f'), [[{ text: 'a' }], [{ text: 'b' }]]);
    expect(origins).toEqual([COMMAND_ORIGIN]);
  });

  it('never makes a link of an unsafe address', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    appendParagraphs(doc, fragment, [[{ text: 'click', href: 'javascript:alert(1)' }]]);
    expect(((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).toDelta()).toEqual([{ insert: 'click' }]);
  });

  it('adds nothing for empty paragraphs', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    appendParagraphs(doc, fragment, [[{ text: '' }], []]);
    expect(fragment.length).toBe(0);
  });

  it('refuses a fragment from another document', () => {
    expect(() => appendParagraphs(new Y.Doc(), new Y.Doc().getXmlFragment('f'), [[{ text: 'x' }]])).toThrow(RangeError);
  });

  it('keeps a colleague’s concurrent typing in the same field', () => {
    const peers = connectedPeers(2);
    const [a, b] = peers.docs as [Y.Doc, Y.Doc];
    appendParagraphs(a, a.getXmlFragment('f'), [[{ text: 'Start.' }]]);
    peers.disconnect();
    ((b.getXmlFragment('f').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(6, ' Typed by Priya.');
    appendParagraphs(a, a.getXmlFragment('f'), [[{ text: 'Captured by Sam.' }]]);
    peers.connect();
    expect(plainText(a.getXmlFragment('f'))).toBe('Start. Typed by Priya.\nCaptured by Sam.');
    expect(plainText(b.getXmlFragment('f'))).toBe(plainText(a.getXmlFragment('f')));
  });
});

describe('replacePlainRange', () => {
  it('replaces words found in the plain text, in the second paragraph, as one change', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('text:danger-statement');
    appendParagraphs(doc, fragment, [[{ text: 'We are worried.' }], [{ text: 'Agreed at the ICPC today.' }]]);
    let transactions = 0;
    doc.on('afterTransaction', () => (transactions += 1));
    const at = richTextPlain(fragment).indexOf('ICPC');
    expect(replacePlainRange(doc, fragment, at, 4, 'first conference')).toBe(true);
    expect(transactions).toBe(1);
    expect(richTextPlain(fragment)).toBe('We are worried.\nAgreed at the first conference today.');
  });

  it('changes nothing for a range across two paragraphs, and refuses a fragment of another document', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    appendParagraphs(doc, fragment, [[{ text: 'One two' }], [{ text: 'three' }]]);
    expect(replacePlainRange(doc, fragment, 4, 'two\nthr'.length, 'x')).toBe(false);
    expect(richTextPlain(fragment)).toBe('One two\nthree');
    expect(() => replacePlainRange(new Y.Doc(), fragment, 0, 3, 'x')).toThrow(RangeError);
  });
});
