/**
 * One WebSocket to the relay, kept up: it waits for HELLO (the connection's challenge), hands every
 * later frame to `onFrame` in arrival order, and after a failure or a close reconnects with back-off
 * (backoff.ts). Knows nothing of plans or Yjs. A HELLO of another protocol version stops it for
 * good: this extension needs updating.
 */
import { decodeServerFrame, type Hello, type ServerFrame } from './codec.ts';
import { backoffDelay } from './backoff.ts';

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The part of the WebSocket API used here (the browser's, or `ws` in Node). */
export interface SocketLike {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}
export type SocketFactory = (url: string) => SocketLike;

export const browserSocket: SocketFactory = (url) => new WebSocket(url) as unknown as SocketLike;

export interface ConnectionEvents {
  /** A new connection's HELLO: everything signed must use its challenge. */
  onHello(hello: Hello): void;
  onFrame(frame: ServerFrame): void;
  /** The connection is down (it will retry unless `retry` is false or it was stopped). */
  onDown(why: string): void;
  /** The relay speaks a protocol version this extension does not. */
  onIncompatible(version: number): void;
}

export interface RelayConnection {
  readonly hello: Hello | null;
  /** Sends a frame if the connection is up; false if not. */
  send(frame: Uint8Array): boolean;
  nextReqId(): number;
  /** Drops the connection and reconnects (after a protocol error). */
  restart(why: string): void;
  stop(): void;
}

export interface ConnectionOptions {
  url: string;
  clock?: Clock;
  random?: () => number;
  socket?: SocketFactory;
  /** Reconnect after a failure (default true; false for a one-off pull). */
  retry?: boolean;
}

const OPEN = 1;

export function connectRelay(options: ConnectionOptions, events: ConnectionEvents): RelayConnection {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const makeSocket = options.socket ?? browserSocket;
  const retry = options.retry ?? true;
  let socket: SocketLike | null = null;
  let hello: Hello | null = null;
  let failures = 0;
  let timer: unknown = null;
  let stopped = false;
  let reqId = 0;

  const down = (why: string) => {
    if (socket) {
      const s = socket;
      socket = null;
      s.onopen = s.onmessage = s.onclose = s.onerror = null;
      try {
        s.close();
      } catch {
        // already closed
      }
    }
    const wasUp = hello !== null;
    hello = null;
    if (stopped) return;
    events.onDown(why);
    if (!retry) {
      stopped = true;
      return;
    }
    if (wasUp) failures = 0;
    timer = clock.setTimeout(open, backoffDelay(failures++, random()));
  };

  function open() {
    timer = null;
    if (stopped) return;
    let s: SocketLike;
    try {
      s = makeSocket(options.url);
    } catch {
      down('The relay address could not be used');
      return;
    }
    socket = s;
    s.binaryType = 'arraybuffer';
    s.onmessage = (ev) => {
      if (socket !== s) return;
      if (!(ev.data instanceof ArrayBuffer)) return down('The relay sent text');
      let frame: ServerFrame;
      try {
        frame = decodeServerFrame(new Uint8Array(ev.data));
      } catch (error) {
        return down(error instanceof Error ? error.message : 'The relay sent a broken frame');
      }
      if (frame.type === 'hello') {
        if (frame.version !== 1) {
          stopped = true;
          events.onIncompatible(frame.version);
          s.close();
          return;
        }
        hello = frame;
        reqId = 0;
        events.onHello(frame);
        return;
      }
      if (hello) events.onFrame(frame);
    };
    s.onclose = (ev) => {
      if (socket === s) down(`closed (${ev.code})`);
    };
    s.onerror = () => {
      if (socket === s) down('The relay could not be reached');
    };
  }

  open();

  return {
    get hello() {
      return hello;
    },
    send(frame) {
      if (!socket || socket.readyState !== OPEN || !hello) return false;
      socket.send(frame);
      return true;
    },
    nextReqId: () => ++reqId,
    restart: (why) => down(why),
    stop() {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      const s = socket;
      socket = null;
      hello = null;
      if (s) {
        s.onopen = s.onmessage = s.onclose = s.onerror = null;
        try {
          s.close();
        } catch {
          // already closed
        }
      }
    },
  };
}
