/**
 * Writing to a rich-text field (a Y.XmlFragment bound to ProseMirror by y-prosemirror) without an
 * editor: appending paragraphs (how captured text reaches the framework's fields or a meeting's
 * minutes, and the chair's minutes draft), and replacing words found in its plain text (the checks'
 * one-click fixes; rich-text.ts finds them).
 *
 * The shape written is y-prosemirror's: a `paragraph` element holding one Y.XmlText, whose
 * formatting attributes are the marks of lib/plan/rich-text-schema.ts (`em`, `link` with `href`).
 * Appending inserts after whatever is there, so a colleague typing in the same field at the same
 * moment keeps every character: Yjs merges the two inserts.
 */
import * as Y from 'yjs';
import { COMMAND_ORIGIN } from './origin.ts';
import { isSafeHref } from './rich-text-schema.ts';
import { locatePlainRange, readRichTextPlain } from './rich-text.ts';

/** A run of text in a paragraph, optionally italic or a link (only http(s) and mailto links are made). */
export interface TextRun {
  text: string;
  italic?: boolean;
  href?: string;
}

export type Paragraph = readonly TextRun[];

/** The text split into plain paragraphs at line breaks, blank lines dropped. */
export function paragraphsOf(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => [{ text: line }]);
}

/**
 * Appends `paragraphs` to the end of `fragment`, in one transaction. Empty runs are skipped and a
 * paragraph with no text is not added. `fragment` must belong to `doc` (a RangeError otherwise).
 */
export function appendParagraphs(doc: Y.Doc, fragment: Y.XmlFragment, paragraphs: readonly Paragraph[]): void {
  if (fragment.doc !== doc) throw new RangeError('appendParagraphs: the fragment is not in this document');
  const kept = paragraphs.map((runs) => runs.filter((run) => run.text !== '')).filter((runs) => runs.length > 0);
  if (kept.length === 0) return;
  doc.transact(() => {
    for (const runs of kept) {
      const paragraph = new Y.XmlElement('paragraph');
      fragment.insert(fragment.length, [paragraph]);
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      text.applyDelta(runs.map((run) => ({ insert: run.text, attributes: attributesOf(run) })));
    }
  }, COMMAND_ORIGIN);
}

function attributesOf(run: TextRun): Record<string, unknown> | undefined {
  const attributes: Record<string, unknown> = {};
  if (run.italic) attributes.em = {};
  if (run.href && isSafeHref(run.href)) attributes.link = { href: run.href };
  return Object.keys(attributes).length > 0 ? attributes : undefined;
}

/**
 * Replaces `length` characters at `index` of the field's plain text (rich-text.ts) with `to`, in
 * one transaction; false, changing nothing, when they are not within one run of text (see
 * `locatePlainRange`). The new words take the formatting of the text before them.
 */
export function replacePlainRange(doc: Y.Doc, fragment: Y.XmlFragment, index: number, length: number, to: string): boolean {
  if (fragment.doc !== doc) throw new RangeError('replacePlainRange: the fragment is not in this document');
  const place = locatePlainRange(readRichTextPlain(fragment), index, length);
  if (!place) return false;
  doc.transact(() => {
    place.node.delete(place.offset, length);
    place.node.insert(place.offset, to);
  }, COMMAND_ORIGIN);
  return true;
}
