/**
 * A minimal Marionette client over `node:net`: Firefox's own automation protocol, which geckodriver
 * speaks to it. Only what the tests need: the session (which also opens the WebDriver BiDi one,
 * see firefox.ts), switching to the browser window's chrome context, running script there, and
 * quitting. Firefox 140 ESR's WebDriver BiDi has no chrome scope at all (its
 * `browsingContext.getTree` lists only tabs and ignores `moz:scope`), while Marionette's chrome
 * context has reached browser.xhtml since long before 140 and still does.
 *
 * Wire format: each packet is `<byte length>:<JSON>`; the server first sends a hello
 * (`{"applicationType":"gecko","marionetteProtocol":3}`), then answers each command
 * `[0, id, name, params]` with `[1, id, error, result]`.
 */
import { connect, type Socket } from 'node:net';

/** A command Firefox answered with an error (`error` is the WebDriver error code). */
export class MarionetteError extends Error {
  constructor(
    readonly command: string,
    readonly error: string,
    message: string,
  ) {
    super(`${command}: ${error}: ${message}`);
  }
}

interface Pending {
  command: string;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

export class MarionetteConnection {
  #nextId = 1;
  #buffer = Buffer.alloc(0);
  readonly #pending = new Map<number, Pending>();
  #helloReceived!: (hello: { marionetteProtocol?: number }) => void;
  #helloFailed!: (error: Error) => void;
  readonly #hello = new Promise<{ marionetteProtocol?: number }>((resolve, reject) => {
    this.#helloReceived = resolve;
    this.#helloFailed = reject;
  });

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.#receive(chunk));
    socket.on('close', () => this.#failAll(new Error('the Marionette connection closed')));
    socket.on('error', (error) => this.#failAll(error));
  }

  /** Connects to Marionette on 127.0.0.1:`port` and waits for its hello. */
  static async connect(port: number): Promise<MarionetteConnection> {
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('error', reject);
    });
    const connection = new MarionetteConnection(socket);
    const hello = await connection.#hello;
    if (hello.marionetteProtocol !== 3) throw new Error(`Marionette speaks protocol ${hello.marionetteProtocol}, not 3`);
    return connection;
  }

  /** Sends one command; resolves with its result (Marionette wraps bare values in `value`). */
  send<T = Record<string, unknown>>(command: string, params: object = {}): Promise<T> {
    const id = this.#nextId++;
    const json = JSON.stringify([0, id, command, params]);
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { command, resolve: resolve as (r: unknown) => void, reject });
      this.socket.write(`${Buffer.byteLength(json)}:${json}`);
    });
  }

  close(): Promise<void> {
    if (this.socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => this.socket.end(() => resolve()));
  }

  #receive(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const colon = this.#buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.#buffer.subarray(0, colon).toString());
      if (this.#buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.#buffer.subarray(colon + 1, colon + 1 + length).toString()) as unknown;
      this.#buffer = this.#buffer.subarray(colon + 1 + length);
      this.#packet(packet);
    }
  }

  #packet(packet: unknown): void {
    if (!Array.isArray(packet)) {
      this.#helloReceived(packet as { marionetteProtocol?: number });
      return;
    }
    const [, id, error, result] = packet as [1, number, { error: string; message: string } | null, unknown];
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    if (error) pending.reject(new MarionetteError(pending.command, error.error, error.message));
    else pending.resolve(result);
  }

  #failAll(error: Error): void {
    this.#helloFailed(error); // no-op once the hello has come
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
