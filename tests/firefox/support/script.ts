/**
 * `script.callFunction` as a typed call: runs a function in a page's browsing context (a tab; the
 * browser window itself is reached through Marionette, see browser-window.ts) and returns its
 * awaited result as plain data. The function is sent as source text, so it must not close over
 * anything from the test; page exceptions become errors with the page's message.
 */
import type { BidiConnection } from './bidi.ts';
import { fromRemoteValue, toLocalValue, type Arg, type RemoteValue } from './remote-value.ts';

export async function callIn<T>(bidi: BidiConnection, context: string, fn: (...args: never[]) => T | Promise<T>, ...args: Arg[]): Promise<T> {
  const answer = await bidi.send<{ type: 'success' | 'exception'; result?: RemoteValue; exceptionDetails?: { text: string } }>(
    'script.callFunction',
    {
      functionDeclaration: fn.toString(),
      arguments: args.map(toLocalValue),
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
      serializationOptions: { maxObjectDepth: 10 },
    },
  );
  if (answer.type === 'exception') throw new Error(`in the page: ${answer.exceptionDetails?.text}`);
  return fromRemoteValue(answer.result!) as T;
}
