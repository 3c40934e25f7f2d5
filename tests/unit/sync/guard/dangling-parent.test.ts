/**
 * A struct whose parent is a struct that is not a shared type (a character of text): Yjs cannot
 * integrate it. The guard refuses it without touching the document.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { createUpdateGuard } from '../../../../lib/sync/guard/update-guard.ts';

function updateWithParent(client: number, parent: Y.ID): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoder.writeClient(client);
  encoding.writeVarUint(encoder.restEncoder, 0);
  new Y.Item(Y.createID(client, 0), null, null, null, null, parent as never, null, new Y.ContentString('x')).write(encoder, 0);
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}

describe('a struct under a parent that is not a type', () => {
  it('is refused and the document stays as it was', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'abc');
    const before = Y.encodeStateAsUpdate(doc);
    const textItem = Y.createID(doc.clientID, 1);
    const verdict = createUpdateGuard(doc).applyRemoteUpdate(updateWithParent(424242, textItem), 'peer');
    expect(verdict.kind).toBe('refused');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(doc.getText('t').toString()).toBe('abc');
  });

  it('is applied when the parent is a type', () => {
    const doc = new Y.Doc();
    doc.getArray('a').insert(0, [new Y.Text()]);
    const typeItem = Y.createID(doc.clientID, 0);
    expect(createUpdateGuard(doc).applyRemoteUpdate(updateWithParent(424242, typeItem), 'peer').kind).toBe('applied');
  });
});
