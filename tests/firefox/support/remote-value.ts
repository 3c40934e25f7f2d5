/**
 * WebDriver BiDi values to and from plain JavaScript: arguments of `script.callFunction` (primitives
 * and element references) and its results (primitives, arrays and plain objects — what the tests
 * return from a page). Anything else (nodes, functions, maps) is refused by name, so a test that
 * returns one fails saying so rather than comparing against `undefined`.
 */

/** A node found by `browsingContext.locateNodes`, passed back to the page by reference. */
export interface NodeRef {
  sharedId: string;
}

export type Arg = string | number | boolean | null | undefined | NodeRef;

export type RemoteValue = { type: string; value?: unknown; sharedId?: string };

export function toLocalValue(arg: Arg): object {
  if (arg === undefined) return { type: 'undefined' };
  if (arg === null) return { type: 'null' };
  if (typeof arg === 'object') return { sharedId: arg.sharedId };
  if (typeof arg === 'number' && !Number.isFinite(arg)) return { type: 'number', value: String(arg) };
  return { type: typeof arg, value: arg };
}

export function fromRemoteValue(remote: RemoteValue): unknown {
  switch (remote.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return remote.value;
    case 'number':
      // NaN, -0 and the infinities come as strings.
      return typeof remote.value === 'number' ? remote.value : Number(remote.value);
    case 'array':
      return (remote.value as RemoteValue[]).map(fromRemoteValue);
    case 'object':
      return Object.fromEntries(
        (remote.value as [string | RemoteValue, RemoteValue][]).map(([key, value]) => [
          typeof key === 'string' ? key : String(fromRemoteValue(key)),
          fromRemoteValue(value),
        ]),
      );
    default:
      throw new TypeError(`a page returned a ${remote.type}; return strings, numbers, booleans, arrays or plain objects`);
  }
}
