// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setMeta, yCursorPluginKey } from 'y-prosemirror';
import { createRichTextView } from '../../../lib/editor/rich-text-view.ts';

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
});
