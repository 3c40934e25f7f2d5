/**
 * A ProseMirror editor bound to one of the plan's Y.XmlFragments. y-prosemirror keeps the two in
 * step (ySyncPlugin) and gives per-member undo (yUndoPlugin: undo takes back only your own typing,
 * never a colleague's). Enter, Backspace and friends come from baseKeymap; lists and marks from
 * prosemirror-schema-list and toggleMark.
 */
import * as Y from 'yjs';
import { EditorState, Selection, TextSelection, type Command, type Plugin } from 'prosemirror-state';
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

/**
 * From this many blocks (paragraphs, lists) a field is long: a year of notes runs to hundreds. A
 * long field's blocks out of view are skipped for layout and paint (app.css, `.long-text`), so a
 * keystroke lays out and paints what is on screen rather than every block of the field.
 */
export const LONG_TEXT_BLOCKS = 100;

/**
 * To the start or end of a long field, moving or (`extend`) stretching the selection. The browser's
 * own Ctrl+Home/End finds the edge by layout, and a long field's blocks out of view have none: it
 * stopped short, and typing went to the wrong place. The document knows where the edge is. An
 * ordinary field keeps the browser's own keys.
 *
 * Pressed straight after a click, ProseMirror has not yet read where the click put the caret, and
 * the command's selection did not reach the browser: the next keystroke typed at the click (5 of
 * 12 tries in a probe). So the command first has ProseMirror read the page's selection
 * (`readPageSelection`), then works from the view's state: 36 of 36 tries landed at the edge.
 */
function toEdge(edge: 'start' | 'end', extend: boolean): Command {
  return (given, dispatch, view) => {
    if (given.doc.childCount < LONG_TEXT_BLOCKS) return false;
    if (view) readPageSelection(view);
    const state = view?.state ?? given;
    const target = edge === 'start' ? Selection.atStart(state.doc) : Selection.atEnd(state.doc);
    const selection = extend ? TextSelection.between(state.selection.$anchor, target.$head) : target;
    dispatch?.(state.tr.setSelection(selection).scrollIntoView());
    return true;
  };
}

/**
 * Has ProseMirror take in what the page changed and it has not read yet (a click's caret, whose
 * selectionchange event is still to come). Its DOM observer's `flush` is not in its typed API; a
 * version without it leaves the state as it was.
 */
function readPageSelection(view: EditorView): void {
  (view as unknown as { domObserver?: { flush?: () => void } }).domObserver?.flush?.();
}

// Ctrl+Home/End elsewhere, Cmd+Up/Down on a Mac (as prosemirror-keymap tells them apart).
const MAC = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform);
const START = MAC ? 'Meta-ArrowUp' : 'Ctrl-Home';
const END = MAC ? 'Meta-ArrowDown' : 'Ctrl-End';

/** Moving to the field's start and end, and stretching the selection there. */
const edgeKeys: Readonly<Record<string, Command>> = {
  [START]: toEdge('start', false),
  [END]: toEdge('end', false),
  [`Shift-${START}`]: toEdge('start', true),
  [`Shift-${END}`]: toEdge('end', true),
};

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
        ...edgeKeys,
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
    attributes: (state) => ({
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-labelledby': options.labelledBy,
      ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
      class: state.doc.childCount >= LONG_TEXT_BLOCKS ? 'rich-text long-text' : 'rich-text',
      spellcheck: 'true',
      lang: 'en-GB',
    }),
  });
}
