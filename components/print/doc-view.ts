/** A value read from a whole plan document, re-read whenever anything in it changes (see lib/state/source-view.ts). */
import type * as Y from 'yjs';
import { sourceView } from '../../lib/state/source-view.ts';
import type { View } from '../../lib/state/y-view.ts';

export function docView<T>(doc: Y.Doc, read: () => T): View<T> {
  return sourceView(
    (changed) => {
      doc.on('update', changed);
      return () => doc.off('update', changed);
    },
    read,
  );
}
