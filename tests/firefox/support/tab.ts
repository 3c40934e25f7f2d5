/**
 * A browser tab driven over WebDriver BiDi, with what a journey through the extension's pages
 * needs: go to a URL, run a function in the page, find an element by its accessible role and name
 * (as a person or a screen reader would), click it and type with real input events, and capture
 * the viewport. Waiting is always for a state (an element appears), bounded by the test timeout.
 */
import { expect } from '@playwright/test';
import type { BidiConnection } from './bidi.ts';
import type { Arg, NodeRef } from './remote-value.ts';
import { callIn } from './script.ts';

/** WebDriver's key for Enter (the spec's normalised key values). */
export const ENTER = '\uE007';

export class BidiTab {
  constructor(
    readonly bidi: BidiConnection,
    readonly context: string,
  ) {}

  /** The first top-level content tab (the one Firefox starts with). */
  static async first(bidi: BidiConnection): Promise<BidiTab> {
    const { contexts } = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', { maxDepth: 0 });
    return new BidiTab(bidi, contexts[0]!.context);
  }

  async goto(url: string): Promise<void> {
    await this.bidi.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
  }

  async reload(): Promise<void> {
    await this.bidi.send('browsingContext.reload', { context: this.context, wait: 'complete' });
  }

  /** Runs `fn` in the page with `args` and returns its awaited result (see script.ts). */
  call<T>(fn: (...args: never[]) => T | Promise<T>, ...args: Arg[]): Promise<T> {
    return callIn(this.bidi, this.context, fn, ...args);
  }

  /** The elements with this accessible role and name (Firefox's accessibility tree). */
  async findAll(role: string, name: string): Promise<NodeRef[]> {
    const { nodes } = await this.bidi.send<{ nodes: NodeRef[] }>('browsingContext.locateNodes', {
      context: this.context,
      locator: { type: 'accessibility', value: { role, name } },
    });
    return nodes;
  }

  /** Waits until exactly one element has this role and name, and returns it. */
  async find(role: string, name: string): Promise<NodeRef> {
    await expect.poll(async () => (await this.findAll(role, name)).length, { message: `one ${role} named "${name}"` }).toBe(1);
    return (await this.findAll(role, name))[0]!;
  }

  /** Scrolls the element into view and clicks its centre with a real (trusted) mouse click. */
  async click(role: string, name: string): Promise<void> {
    const element = await this.find(role, name);
    await this.call((el: Element) => el.scrollIntoView({ block: 'center' }), element);
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: element } },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    await this.bidi.send('input.releaseActions', { context: this.context });
  }

  /** Types into whatever has focus, one key press per character (ENTER for Enter). */
  async type(text: string): Promise<void> {
    const actions = [...text].flatMap((key) => [
      { type: 'keyDown', value: key },
      { type: 'keyUp', value: key },
    ]);
    await this.bidi.send('input.performActions', { context: this.context, actions: [{ type: 'key', id: 'keyboard', actions }] });
  }

  async setViewport(width: number, height: number): Promise<void> {
    await this.bidi.send('browsingContext.setViewport', { context: this.context, viewport: { width, height } });
  }

  /** The viewport as PNG bytes. */
  async screenshot(): Promise<Buffer> {
    const { data } = await this.bidi.send<{ data: string }>('browsingContext.captureScreenshot', { context: this.context });
    return Buffer.from(data, 'base64');
  }
}
