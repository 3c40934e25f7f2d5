/**
 * A ProseMirror editor bound to one of the plan's Y.XmlFragments. y-prosemirror keeps the two in
 * step (ySyncPlugin) and gives per-member undo (yUndoPlugin: undo takes back only your own typing,
 * never a colleague's). Enter, Backspace and friends come from baseKeymap; lists and marks from
 * prosemirror-schema-list and toggleMark.
 */
import * as Y from 'yjs';
import { EditorState, type Command, type Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, chainCommands, toggleMark, exitCode } from 'prosemirror-commands';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { redoCommand, undoCommand, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import { richTextSchema } from '../plan/rich-text-schema.ts';

const { nodes, marks } = richTextSchema;

const insertHardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(nodes.hard_break.create()).scrollIntoView());
  return true;
});

/** The formatting commands the toolbar offers, by name. */
export const formatting = {
  bold: toggleMark(marks.strong),
  italic: toggleMark(marks.em),
  bulletList: wrapInList(nodes.bullet_list),
  numberedList: wrapInList(nodes.ordered_list),
  undo: undoCommand,
  redo: redoCommand,
} satisfies Record<string, Command>;

export interface RichTextViewOptions {
  /** The id of the visible label, for the editable area's accessible name. */
  labelledBy: string;
  /** The id of help or findings text for the field, if any. */
  describedBy?: string;
  /** Extra ProseMirror plugins. */
  plugins?: Plugin[];
}

export function createRichTextView(mount: HTMLElement, fragment: Y.XmlFragment, options: RichTextViewOptions): EditorView {
  const state = EditorState.create({
    schema: richTextSchema,
    plugins: [
      ySyncPlugin(fragment),
      yUndoPlugin(),
      ...(options.plugins ?? []),
      keymap({
        'Mod-z': undoCommand,
        'Mod-y': redoCommand,
        'Mod-Shift-z': redoCommand,
        'Mod-b': formatting.bold,
        'Mod-i': formatting.italic,
        'Shift-Enter': insertHardBreak,
        Enter: splitListItem(nodes.list_item),
        // Not Tab: Tab must always move focus on, so keyboard users are never trapped (WCAG 2.1.2).
        'Mod-]': sinkListItem(nodes.list_item),
        'Mod-[': liftListItem(nodes.list_item),
      }),
      keymap(baseKeymap),
    ],
  });
  return new EditorView(mount, {
    state,
    // y-prosemirror 1.3 batches cursor updates (a colleague moved, or this member changed section)
    // and dispatches them a task later, checking a `binding.isDestroyed` its binding never sets:
    // a field closed in between threw "reading 'matchesNode'". A closed editor takes no more.
    // (`this`, not `view`: plugins already dispatch while the view is being constructed.)
    dispatchTransaction(this: EditorView, tr) {
      if (!this.isDestroyed) this.updateState(this.state.apply(tr));
    },
    attributes: {
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-labelledby': options.labelledBy,
      ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
      class: 'rich-text',
      spellcheck: 'true',
      lang: 'en-GB',
    },
  });
}
