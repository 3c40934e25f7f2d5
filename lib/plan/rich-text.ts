/**
 * Reading a rich-text field (a Y.XmlFragment in y-prosemirror's shape, schema in
 * rich-text-schema.ts) without an editor, strictly read-only. One walker (`walkRichText`) visits
 * the stored nodes in document order; what the rest of the app needs is read from that one pass:
 *
 * - `readRichTextPlain` / `richTextPlain`: the characters with each paragraph on its own line and a
 *   hard break as a line break, plus the way back from a position in that text to the Y.XmlText
 *   holding it (the checks find a word there; a one-click fix writes it back).
 * - `plainText`: one line per paragraph or list item, list items marked "• " or "1. ", a hard break
 *   as a space (history shows and compares versions with it).
 * - `readRichText`: a ProseMirror node of the plan's schema (print and the readable backup copy).
 *
 * We never use y-prosemirror's converters here: when a stored node does not fit the schema they
 * delete it from the shared document, and reading (for checks, history or print) must never write.
 * Every reader skips what it cannot place and keeps its text instead, and never throws.
 */
import * as Y from 'yjs';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { richTextSchema } from './rich-text-schema.ts';

/** A stretch of one Y.XmlText's characters with the same formatting. */
export interface TextPiece {
  text: string;
  /** Where it starts in its Y.XmlText (Yjs counts an embed as one character; pieces skip embeds). */
  offset: number;
  attributes: Record<string, unknown> | undefined;
}

/** What the walker meets, in document order. Every `open` is followed, after its content, by its `close`. */
export type RichTextStep =
  | { kind: 'open'; name: string }
  | { kind: 'close'; name: string }
  | { kind: 'text'; node: Y.XmlText; pieces: TextPiece[] };

function piecesOf(node: Y.XmlText): TextPiece[] {
  const pieces: TextPiece[] = [];
  let offset = 0;
  for (const op of node.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert === 'string') {
      if (op.insert !== '') pieces.push({ text: op.insert, offset, attributes: op.attributes });
      offset += op.insert.length;
    } else {
      offset += 1;
    }
  }
  return pieces;
}

/** Walks `fragment` in document order (see `RichTextStep`). Hooks and other odd nodes are skipped. */
export function walkRichText(fragment: Y.XmlFragment, visit: (step: RichTextStep) => void): void {
  const walk = (node: unknown): void => {
    if (node instanceof Y.XmlText) {
      visit({ kind: 'text', node, pieces: piecesOf(node) });
    } else if (node instanceof Y.XmlElement) {
      visit({ kind: 'open', name: node.nodeName });
      node.toArray().forEach(walk);
      visit({ kind: 'close', name: node.nodeName });
    }
  };
  fragment.toArray().forEach(walk);
}

// ---------------------------------------------------------------------------------------------
// Plain text with the way back to the document (the checks and their one-click fixes)

/** A stretch of the plain text that is characters `offset…offset+length` of one Y.XmlText. */
export interface TextRun {
  /** Where the run starts in the plain text. */
  start: number;
  length: number;
  node: Y.XmlText;
  /** Where the run starts in `node`. */
  offset: number;
}

export interface PlainRichText {
  text: string;
  runs: TextRun[];
}

/**
 * Reads a rich-text fragment as plain text with its runs: each paragraph on its own line (list items
 * too), a hard break as a line break (the plain-language checks end a sentence there, as a reader
 * does), marks dropped with their characters kept.
 */
export function readRichTextPlain(fragment: Y.XmlFragment): PlainRichText {
  let text = '';
  const runs: TextRun[] = [];
  walkRichText(fragment, (step) => {
    if (step.kind === 'text') {
      for (const piece of step.pieces) {
        runs.push({ start: text.length, length: piece.text.length, node: step.node, offset: piece.offset });
        text += piece.text;
      }
    } else if (step.kind === 'open' && step.name === 'hard_break') {
      text += '\n';
    } else if (step.kind === 'open' && step.name === 'paragraph' && text !== '' && !text.endsWith('\n')) {
      text += '\n';
    }
  });
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

// ---------------------------------------------------------------------------------------------
// Lines, lists marked (history: a past version shown read-only, versions compared word by word)

const LISTS = new Set(['bullet_list', 'ordered_list']);

/** The text of `fragment`, one line per paragraph or list item ('' when empty). */
export function plainText(fragment: Y.XmlFragment): string {
  const lines: string[] = [];
  /** Open lists: the marker's kind, items so far, and the indent of the list's own lines. */
  const lists: { ordered: boolean; items: number; indent: string }[] = [];
  /** The prefix of the next block line (a list item's marker on its first block), then its indent. */
  let prefix = '';
  let restPrefix = '';
  /** Depth of elements inside the block being read (0: between blocks). */
  let depth = 0;
  let line = '';
  const startBlock = () => {
    line = prefix;
    prefix = restPrefix;
  };
  walkRichText(fragment, (step) => {
    if (depth > 0) {
      if (step.kind === 'text') line += step.pieces.map((p) => p.text).join('');
      else if (step.kind === 'open' && step.name === 'hard_break' && depth === 1) line += ' ';
      if (step.kind === 'open') depth += 1;
      else if (step.kind === 'close' && --depth === 0) lines.push(line);
      return;
    }
    if (step.kind === 'text') {
      startBlock();
      lines.push(line + step.pieces.map((p) => p.text).join(''));
    } else if (step.kind === 'open' && LISTS.has(step.name)) {
      lists.push({ ordered: step.name === 'ordered_list', items: 0, indent: restPrefix });
    } else if (step.kind === 'close' && LISTS.has(step.name)) {
      prefix = restPrefix = lists.pop()?.indent ?? '';
    } else if (step.kind === 'open' && step.name === 'list_item') {
      const list = lists[lists.length - 1];
      if (!list) return;
      list.items += 1;
      const marker = list.ordered ? `${list.items}. ` : '• ';
      prefix = list.indent + marker;
      restPrefix = list.indent + ' '.repeat(marker.length);
    } else if (step.kind === 'close' && step.name === 'list_item') {
      prefix = restPrefix = lists[lists.length - 1]?.indent ?? '';
    } else if (step.kind === 'open') {
      startBlock();
      depth = 1;
    }
  });
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// A ProseMirror node of the plan's schema (print, the readable copy in a backup)

const { nodes } = richTextSchema;

/** Marks from a Y.XmlText delta's attributes; y-prosemirror suffixes overlapping marks "--<hash>". */
function marksOf(attributes: Record<string, unknown> | undefined): readonly Mark[] {
  if (!attributes) return [];
  const marks: Mark[] = [];
  for (const [key, attrs] of Object.entries(attributes)) {
    const type = richTextSchema.marks[key.replace(/--[a-zA-Z0-9+/=]{8}$/, '')];
    if (!type) continue;
    try {
      marks.push(type.create(typeof attrs === 'object' && attrs !== null ? (attrs as Record<string, unknown>) : null));
    } catch {
      // A mark missing a required attribute (a link with no href) is dropped; its text stays.
    }
  }
  return marks;
}

/** The node for an element named `name` holding `children`; its children alone when it cannot be made. */
function nodeFor(name: string, children: PMNode[]): PMNode[] {
  const nodeType = nodes[name];
  if (!nodeType || nodeType === nodes.doc || nodeType === nodes.text) return children;
  if (nodeType === nodes.hard_break) return [nodes.hard_break.create()];
  try {
    return [nodeType.create(null, children)];
  } catch {
    return children;
  }
}

/** Inline content at block level (text outside any paragraph) is wrapped in a paragraph. */
function asBlocks(content: PMNode[]): PMNode[] {
  const blocks: PMNode[] = [];
  let inline: PMNode[] = [];
  const flush = () => {
    if (inline.length > 0) blocks.push(nodes.paragraph.create(null, inline));
    inline = [];
  };
  for (const node of content) {
    if (node.isInline) inline.push(node);
    else {
      flush();
      blocks.push(node);
    }
  }
  flush();
  return blocks;
}

/**
 * The field's content as a ProseMirror `doc` node. Never throws and never writes to the document;
 * nodes the schema does not know give their children (so no text is lost from print).
 */
export function readRichText(fragment: Y.XmlFragment): PMNode {
  try {
    const open: PMNode[][] = [[]];
    walkRichText(fragment, (step) => {
      const into = open[open.length - 1]!;
      if (step.kind === 'text') {
        for (const piece of step.pieces) into.push(richTextSchema.text(piece.text, marksOf(piece.attributes)));
      } else if (step.kind === 'open') {
        open.push([]);
      } else {
        const children = open.pop()!;
        open[open.length - 1]!.push(...nodeFor(step.name, children));
      }
    });
    return nodes.doc.create(null, asBlocks(open[0]!));
  } catch {
    return nodes.doc.create(null, []);
  }
}

/** True when a field has no words in it (an empty paragraph counts as empty). */
export function isBlank(node: PMNode): boolean {
  return node.textContent.trim() === '';
}

/** The text of a field: blocks separated by blank lines, hard breaks as line breaks. */
export function richTextToPlain(node: PMNode): string {
  return node.textBetween(0, node.content.size, '\n\n', (leaf) => (leaf.type === nodes.hard_break ? '\n' : '')).trim();
}
