import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createUpdateGuard } from '../../../lib/sync/guard/update-guard.ts';
import { connectLocalChannel, type LocalChannel } from '../../../lib/sync/local-channel.ts';

const channels: LocalChannel[] = [];
afterEach(() => channels.splice(0).forEach((c) => c.destroy()));

function page(name: string, doc = new Y.Doc()) {
  channels.push(connectLocalChannel(doc, name, createUpdateGuard(doc)));
  return doc;
}

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('connectLocalChannel', () => {
  it('brings a page that opens late up to date, both ways', async () => {
    const panel = new Y.Doc();
    panel.getText('t').insert(0, 'from the panel');
    page('plan:a', panel);
    const tab = new Y.Doc();
    tab.getMap('m').set('k', 'from the tab');
    page('plan:a', tab);
    // Delivery is asynchronous; a loaded machine can take a while.
    await vi.waitFor(() => {
      expect(tab.getText('t').toString()).toBe('from the panel');
      expect(panel.getMap('m').get('k')).toBe('from the tab');
    }, { timeout: 5000 });
  });

  it('carries every later edit live between pages of the same plan', async () => {
    const a = page('plan:b');
    const b = page('plan:b');
    await settle();
    a.getText('t').insert(0, 'one ');
    b.getText('t').insert(0, 'two ');
    await vi.waitFor(() => {
      expect(a.getText('t').toString()).toHaveLength(8);
      expect(a.getText('t').toString()).toBe(b.getText('t').toString());
    }, { timeout: 5000 });
  });

  it('keeps plans apart', async () => {
    const a = page('plan:c');
    const other = page('plan:d');
    a.getText('t').insert(0, 'secret');
    await settle();
    expect(other.getText('t').toString()).toBe('');
  });

  it('ignores malformed messages and leaves the document as it was', async () => {
    const a = page('plan:e');
    a.getText('t').insert(0, 'intact');
    const before = Y.encodeStateAsUpdate(a);
    const rogue = new BroadcastChannel('plan:e');
    rogue.postMessage({ kind: 'update', from: 'x', update: new Uint8Array([1, 2, 3, 255, 0]) });
    rogue.postMessage('nonsense');
    rogue.postMessage({ kind: 'hello', from: 'x', stateVector: 'not bytes' });
    await settle();
    rogue.close();
    expect(Y.encodeStateAsUpdate(a)).toEqual(before);
  });
});
