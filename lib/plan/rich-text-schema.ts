/**
 * The ProseMirror schema of every rich-text field in a plan: paragraphs, bullet and numbered lists,
 * hard breaks; bold, italic and links. y-prosemirror stores documents of this schema in the plan's
 * Y.XmlFragments, so node and mark names here are part of the stored format: never rename one
 * without a migration.
 */
import { Schema, type DOMOutputSpec } from 'prosemirror-model';

const p: DOMOutputSpec = ['p', 0];
const ul: DOMOutputSpec = ['ul', 0];
const ol: DOMOutputSpec = ['ol', 0];
const li: DOMOutputSpec = ['li', 0];
const br: DOMOutputSpec = ['br'];
const strong: DOMOutputSpec = ['strong', 0];
const em: DOMOutputSpec = ['em', 0];

/** Links are only ever http(s) or mailto, so a pasted javascript: URL never becomes clickable. */
export function isSafeHref(href: string): boolean {
  return /^(https?:|mailto:)/i.test(href.trim());
}

export const richTextSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { content: 'inline*', group: 'block', parseDOM: [{ tag: 'p' }], toDOM: () => p },
    bullet_list: { content: 'list_item+', group: 'block', parseDOM: [{ tag: 'ul' }], toDOM: () => ul },
    ordered_list: { content: 'list_item+', group: 'block', parseDOM: [{ tag: 'ol' }], toDOM: () => ol },
    list_item: { content: 'paragraph block*', defining: true, parseDOM: [{ tag: 'li' }], toDOM: () => li },
    text: { group: 'inline' },
    hard_break: { inline: true, group: 'inline', selectable: false, parseDOM: [{ tag: 'br' }], toDOM: () => br },
  },
  marks: {
    strong: {
      parseDOM: [{ tag: 'strong' }, { tag: 'b' }, { style: 'font-weight=bold' }],
      toDOM: () => strong,
    },
    em: { parseDOM: [{ tag: 'em' }, { tag: 'i' }, { style: 'font-style=italic' }], toDOM: () => em },
    link: {
      attrs: { href: {} },
      inclusive: false,
      parseDOM: [
        {
          tag: 'a[href]',
          getAttrs: (dom) => {
            const href = (dom as HTMLElement).getAttribute('href') ?? '';
            return isSafeHref(href) ? { href } : false;
          },
        },
      ],
      toDOM: (mark) => {
        const href = String(mark.attrs.href);
        return ['a', { href: isSafeHref(href) ? href : '#', rel: 'noopener noreferrer', target: '_blank' }, 0];
      },
    },
  },
});
