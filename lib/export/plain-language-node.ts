/**
 * A rich-text field (read with `readRichText`, lib/plan/rich-text.ts) rewritten for a family: every
 * lexicon term replaced by its plain wording (lib/rules/checks/plain-language.ts).
 */
import { Fragment, type Node as PMNode } from 'prosemirror-model';
import { richTextSchema } from '../plan/rich-text-schema.ts';
import { toPlainLanguage } from '../rules/checks/plain-language.ts';

const { nodes } = richTextSchema;

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
 * The field rewritten for a family. Lists keep their shape. Each paragraph is rewritten as a whole,
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
