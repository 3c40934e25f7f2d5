/**
 * Rich text for print and for the readable copy in a backup: a Y.XmlFragment read into a ProseMirror
 * node of the plan's schema, strictly read-only.
 *
 * We do not use y-prosemirror's yXmlFragmentToProseMirrorRootNode here: when a stored node does not
 * fit the schema it deletes that node from the shared document (sync-plugin.js createNodeFromYElement),
 * and a print view must never change the plan. This reader skips what it cannot place and keeps
 * its text instead.
 */
import * as Y from 'yjs';
import { Fragment, type Mark, type Node as PMNode } from 'prosemirror-model';
import { richTextSchema } from '../plan/rich-text-schema.ts';
import { toPlainLanguage } from '../rules/checks/plain-language.ts';

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

function inlineFromText(text: Y.XmlText): PMNode[] {
  const out: PMNode[] = [];
  for (const op of text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert === 'string' && op.insert !== '') out.push(richTextSchema.text(op.insert, marksOf(op.attributes)));
  }
  return out;
}

function convert(type: Y.XmlElement | Y.XmlText | Y.XmlHook): PMNode[] {
  if (type instanceof Y.XmlText) return inlineFromText(type);
  if (!(type instanceof Y.XmlElement)) return [];
  const children = type.toArray().flatMap((child) => convert(child as Y.XmlElement | Y.XmlText));
  const nodeType = nodes[type.nodeName];
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
    const content = fragment.toArray().flatMap((child) => convert(child as Y.XmlElement | Y.XmlText));
    return nodes.doc.create(null, asBlocks(content));
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

/** A paragraph's text in plain language, line by line (hard breaks kept; bold, italic and links dropped). */
function plainParagraph(paragraph: PMNode, lexicon?: Parameters<typeof toPlainLanguage>[1]): PMNode {
  const lines: string[] = [''];
  paragraph.forEach((child) => {
    if (child.type === nodes.hard_break) lines.push('');
    else lines[lines.length - 1] += child.text ?? '';
  });
  const inline: PMNode[] = [];
  lines.forEach((line, i) => {
    if (i > 0) inline.push(nodes.hard_break.create());
    const plain = toPlainLanguage(line, lexicon);
    if (plain !== '') inline.push(richTextSchema.text(plain));
  });
  return nodes.paragraph.create(null, inline);
}

/**
 * The field rewritten for a family: every lexicon term replaced by its plain wording
 * (lib/rules/checks/plain-language.ts). Lists keep their shape. Each paragraph is rewritten as a whole,
 * so wording that crosses a bold or italic run is still found; those marks are dropped for that
 * reason (a family copy loses no meaning without them).
 */
export function toPlainLanguageNode(node: PMNode, lexicon?: Parameters<typeof toPlainLanguage>[1]): PMNode {
  if (node.type === nodes.paragraph) return plainParagraph(node, lexicon);
  if (node.isLeaf) return node;
  const children: PMNode[] = [];
  node.forEach((child) => children.push(toPlainLanguageNode(child, lexicon)));
  return node.copy(Fragment.fromArray(children));
}
