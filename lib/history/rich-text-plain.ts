/**
 * The words of a rich-text field (a Y.XmlFragment in y-prosemirror's shape), for showing a past
 * version read-only and for comparing versions word by word. Formatting is dropped; each paragraph
 * or list item becomes one line, list items marked "• " or "1. ".
 *
 * Read directly from the Yjs types rather than through y-prosemirror's converters: those may
 * repair (write to) a fragment they cannot parse, and reading history must never write.
 */
import * as Y from 'yjs';

/** The text of `fragment`, one line per paragraph or list item ('' when empty). */
export function plainText(fragment: Y.XmlFragment): string {
  const lines: string[] = [];
  for (const child of fragment.toArray()) blockLines(child, '', lines);
  return lines.join('\n');
}

function blockLines(node: Y.XmlElement | Y.XmlText | Y.XmlHook, prefix: string, lines: string[]): void {
  if (node instanceof Y.XmlText) {
    lines.push(prefix + textOf(node));
    return;
  }
  if (!(node instanceof Y.XmlElement)) return;
  switch (node.nodeName) {
    case 'bullet_list':
    case 'ordered_list':
      node.toArray().forEach((item, index) => {
        const marker = node.nodeName === 'bullet_list' ? '• ' : `${index + 1}. `;
        listItemLines(item, prefix + marker, prefix + ' '.repeat(marker.length), lines);
      });
      return;
    case 'list_item':
      listItemLines(node, prefix, prefix, lines);
      return;
    default:
      lines.push(prefix + inlineText(node));
  }
}

/** A list item's first block carries the marker; later blocks are indented under it. */
function listItemLines(item: Y.XmlElement | Y.XmlText | Y.XmlHook, first: string, rest: string, lines: string[]): void {
  if (!(item instanceof Y.XmlElement)) return blockLines(item, first, lines);
  item.toArray().forEach((block, index) => blockLines(block, index === 0 ? first : rest, lines));
}

function inlineText(element: Y.XmlElement): string {
  return element
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? textOf(child) : child instanceof Y.XmlElement && child.nodeName === 'hard_break' ? ' ' : ''))
    .join('');
}

function textOf(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
}
