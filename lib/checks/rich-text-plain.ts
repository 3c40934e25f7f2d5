/**
 * A rich-text field (a y-prosemirror Y.XmlFragment) as the plain text the checks read, and the way
 * back from a position in that text to the Y.XmlText holding it, so a one-click fix found on the
 * plain text can be applied to the field.
 *
 * The plain text is the field's characters with each paragraph on its own line (a hard break is a
 * line break too): the plain-language checks treat a line break as the end of a sentence, as a
 * reader does. Marks (bold, links) are dropped; their characters stay.
 */
import * as Y from 'yjs';

/** A stretch of the plain text that is characters `offset…offset+length` of one Y.XmlText. */
export interface TextRun {
  /** Where the run starts in the plain text. */
  start: number;
  length: number;
  node: Y.XmlText;
  /** Where the run starts in `node` (Yjs counts an embed as one character; the plain text skips it). */
  offset: number;
}

export interface PlainRichText {
  text: string;
  runs: TextRun[];
}

/** Reads a rich-text fragment as plain text with its runs. Never throws on any content. */
export function readRichTextPlain(fragment: Y.XmlFragment): PlainRichText {
  let text = '';
  const runs: TextRun[] = [];
  const newLine = () => {
    if (text !== '' && !text.endsWith('\n')) text += '\n';
  };
  const visit = (node: unknown): void => {
    if (node instanceof Y.XmlText) {
      let offset = 0;
      for (const op of node.toDelta() as { insert: unknown }[]) {
        if (typeof op.insert === 'string') {
          runs.push({ start: text.length, length: op.insert.length, node, offset });
          text += op.insert;
          offset += op.insert.length;
        } else {
          offset += 1;
        }
      }
    } else if (node instanceof Y.XmlElement) {
      if (node.nodeName === 'hard_break') {
        text += '\n';
        return;
      }
      if (node.nodeName === 'paragraph') newLine();
      node.toArray().forEach(visit);
    }
  };
  fragment.toArray().forEach(visit);
  return { text, runs };
}

/** The plain text of a rich-text fragment (see `readRichTextPlain`). */
export function richTextPlain(fragment: Y.XmlFragment): string {
  return readRichTextPlain(fragment).text;
}

/**
 * Where characters `index…index+length` of the plain text live: one Y.XmlText and the offset in
 * it, or undefined when they span two nodes (two paragraphs, or either side of a hard break) or
 * fall outside the text. Runs of one node with different marks are contiguous, so a word that is
 * half bold is still found.
 */
export function locatePlainRange(
  plain: PlainRichText,
  index: number,
  length: number,
): { node: Y.XmlText; offset: number } | undefined {
  if (length <= 0 || index < 0) return undefined;
  const end = index + length;
  const first = plain.runs.find((run) => index >= run.start && index < run.start + run.length);
  const last = plain.runs.find((run) => end > run.start && end <= run.start + run.length);
  if (!first || !last || first.node !== last.node) return undefined;
  const offset = first.offset + (index - first.start);
  const endOffset = last.offset + (end - last.start);
  // An embed between the two ends would make the node's stretch longer than the plain text's.
  return endOffset - offset === length ? { node: first.node, offset } : undefined;
}
