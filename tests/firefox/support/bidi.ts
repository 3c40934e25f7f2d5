/**
 * A minimal WebDriver BiDi client over `ws`: enough to drive Firefox without geckodriver or a
 * Playwright build of Firefox (neither can be downloaded here). One connection carries one
 * session. Commands resolve with their `result` or reject with the browser's error code and
 * message. Events are not needed by the tests (Firefox 153 reports no log events from extension
 * pages; see browser-console.ts) and are ignored.
 * Protocol: https://w3c.github.io/webdriver-bidi/
 */
import { WebSocket } from 'ws';

/** A command the browser answered with an error (`error` is the BiDi error code). */
export class BidiError extends Error {
  constructor(
    readonly method: string,
    readonly error: string,
    message: string,
  ) {
    super(`${method}: ${error}: ${message}`);
  }
}

interface Pending {
  method: string;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

export class BidiConnection {
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.#receive(String(data)));
    socket.on('close', () => this.#failAll(new Error('the WebDriver BiDi connection closed')));
    socket.on('error', (error) => this.#failAll(error));
  }

  /** Opens the WebSocket of a session already created (`ws://…/session/<id>`, see firefox.ts). */
  static async connect(url: string): Promise<BidiConnection> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new BidiConnection(socket);
  }

  /** Sends one command; resolves with its result. */
  send<T = Record<string, unknown>>(method: string, params: object = {}): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { method, resolve: resolve as (r: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params }), (error) => {
        if (!error) return;
        this.#pending.delete(id);
        reject(error);
      });
    });
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    const closed = new Promise((resolve) => this.socket.once('close', resolve));
    this.socket.close();
    await closed;
  }

  #receive(text: string): void {
    const message = JSON.parse(text) as {
      type: 'success' | 'error' | 'event';
      id?: number | null;
      result?: unknown;
      error?: string;
      message?: string;
    };
    if (message.type === 'event') return;
    const pending = message.id == null ? undefined : this.#pending.get(message.id);
    if (!pending) {
      // An error without an id is the browser failing to parse what we sent: a bug in this file.
      if (message.type === 'error') this.#failAll(new BidiError('(unparsed command)', message.error!, message.message ?? ''));
      return;
    }
    this.#pending.delete(message.id!);
    if (message.type === 'success') pending.resolve(message.result);
    else pending.reject(new BidiError(pending.method, message.error!, message.message ?? ''));
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
