// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setMeta, yCursorPluginKey } from 'y-prosemirror';
import { LONG_TEXT_BLOCKS, createRichTextView } from '../../../lib/editor/rich-text-view.ts';
import type { EditorView } from 'prosemirror-view';

/** A field of `count` paragraphs, "Note 1" to "Note <count>". */
function fieldOf(count: number): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment('text:strengths');
  fragment.insert(0, Array.from({ length: count }, (_, i) => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(`Note ${i + 1}`)]);
    return p;
  }));
  return fragment;
}

/** The key as a member presses it, through the editor's own key handling; true if the editor took it. */
function press(view: EditorView, key: string, modifiers: { ctrlKey?: boolean; shiftKey?: boolean } = {}): boolean {
  const event = new KeyboardEvent('keydown', { key, ...modifiers });
  return view.someProp('handleKeyDown', (handle) => handle(view, event)) ?? false;
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('createRichTextView', () => {
  it('shows the shared field and writes typing into it', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('text:danger');
    const view = createRichTextView(document.createElement('div'), fragment, { labelledBy: 'l' });
    view.dispatch(view.state.tr.insertText('Ava is safe at school'));
    expect(fragment.toString()).toContain('Ava is safe at school');
    view.destroy();
  });

  it('ignores what y-prosemirror dispatches a task after the field closed (a colleague moved their cursor as we left)', async () => {
    const doc = new Y.Doc();
    const view = createRichTextView(document.createElement('div'), doc.getXmlFragment('text:danger'), { labelledBy: 'l' });
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    // What the cursor plugin does on every awareness change: batch a meta for a task later.
    setMeta(view, yCursorPluginKey, { awarenessUpdated: true });
    view.destroy();
    await nextTask();
    window.removeEventListener('error', onError);
    expect(errors).toEqual([]);
    expect(() => view.dispatch(view.state.tr)).not.toThrow();
  });

  it('marks a field of many blocks as long, and an ordinary one not', () => {
    const long = createRichTextView(document.createElement('div'), fieldOf(LONG_TEXT_BLOCKS), { labelledBy: 'l' });
    const short = createRichTextView(document.createElement('div'), fieldOf(LONG_TEXT_BLOCKS - 1), { labelledBy: 'l' });
    expect(long.dom.classList.contains('long-text')).toBe(true);
    expect(short.dom.classList.contains('long-text')).toBe(false);
    expect(short.dom.classList.contains('rich-text')).toBe(true);
    // Growing past the mark makes it long.
    short.dispatch(short.state.tr.insert(short.state.doc.content.size, short.state.schema.nodes.paragraph!.create()));
    expect(short.dom.classList.contains('long-text')).toBe(true);
    long.destroy();
    short.destroy();
  });

  it('Ctrl+End and Ctrl+Home go to the field’s end and start by the document, and typing lands there', () => {
    const fragment = fieldOf(150);
    const view = createRichTextView(document.createElement('div'), fragment, { labelledBy: 'l' });
    expect(press(view, 'End', { ctrlKey: true })).toBe(true);
    view.dispatch(view.state.tr.insertText(' (last)'));
    expect(view.state.doc.lastChild!.textContent).toBe('Note 150 (last)');
    expect(press(view, 'Home', { ctrlKey: true })).toBe(true);
    view.dispatch(view.state.tr.insertText('First: '));
    expect(view.state.doc.firstChild!.textContent).toBe('First: Note 1');
    expect(fragment.toString()).toContain('First: Note 1');
    view.destroy();
  });

  it('Shift+Ctrl+End and Shift+Ctrl+Home stretch the selection from where it was', () => {
    const view = createRichTextView(document.createElement('div'), fieldOf(150), { labelledBy: 'l' });
    press(view, 'End', { ctrlKey: true });
    const end = view.state.selection.head;
    press(view, 'Home', { ctrlKey: true, shiftKey: true });
    expect(view.state.selection.anchor).toBe(end);
    expect(view.state.selection.head).toBe(1);
    press(view, 'End', { ctrlKey: true, shiftKey: true });
    expect(view.state.selection.empty).toBe(true);
    expect(view.state.selection.head).toBe(end);
    // Plain End (no Ctrl) stays the browser's: to the end of the line.
    expect(press(view, 'End')).toBe(false);
    view.destroy();
  });

  it('leaves Ctrl+End and Ctrl+Home to the browser in an ordinary field', () => {
    const view = createRichTextView(document.createElement('div'), fieldOf(LONG_TEXT_BLOCKS - 1), { labelledBy: 'l' });
    expect(press(view, 'End', { ctrlKey: true })).toBe(false);
    expect(press(view, 'Home', { ctrlKey: true, shiftKey: true })).toBe(false);
    view.destroy();
  });
});
