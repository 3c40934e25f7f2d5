/**
 * Reading a saved version straight from the live plan document, without building a second one.
 *
 * A version is a Yjs snapshot of the plan's own document (versions.ts), and the document keeps the
 * deleted content versions show (keep-history.ts). `Y.createDocFromSnapshot` rebuilds a version by
 * encoding every item up to the snapshot and decoding it into a new document: more than decoding the
 * whole plan (bench/history.bench.ts). Here the plan's own readers (lib/plan) read the version instead
 * through a view of the live document: read-only stand-ins for its Y types that answer `get`,
 * `toArray` and `toDelta` as the types were at the snapshot (the Yjs snapshot readers
 * `typeMapGetSnapshot`, `typeListToArraySnapshot` and `toDelta(snapshot)`), and pass the
 * `instanceof` checks the readers make. Only what those readers call is answered; anything else on a
 * stand-in reads as an empty, unattached type, so a reader that needs more reads nothing rather
 * than the plan as it is now.
 *
 * The reading runs in one transaction of the live document, so Yjs splits the items the snapshot
 * cuts once, and merges them back after; it changes nothing and sends no update.
 */
import * as Y from 'yjs';

/** Any Y type (Yjs types its event parameter, so AbstractType<unknown> fits none). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>;

class MapAt extends Y.Map<unknown> {
  constructor(
    readonly live: Y.Map<unknown>,
    private readonly at: View,
  ) {
    super();
  }
  override get(key: string): unknown {
    return this.at.wrap(Y.typeMapGetSnapshot(this.live, key, this.at.snapshot));
  }
  override has(key: string): boolean {
    return Y.typeMapGetSnapshot(this.live, key, this.at.snapshot) !== undefined;
  }
}

class ArrayAt extends Y.Array<unknown> {
  constructor(
    readonly live: Y.Array<unknown>,
    private readonly at: View,
  ) {
    super();
  }
  override toArray(): unknown[] {
    return this.at.listAt(this.live);
  }
}

/**
 * The rich-text containers' stand-in, over either base class (readers tell a fragment from an
 * element by `instanceof`): its children as they were at the snapshot.
 */
function xmlChildrenAt(Base: typeof Y.XmlFragment | typeof Y.XmlElement) {
  return class extends (Base as new (nodeName?: string) => Y.XmlFragment) {
    constructor(
      readonly live: Y.XmlFragment,
      private readonly at: View,
    ) {
      super(live instanceof Y.XmlElement ? live.nodeName : undefined);
    }
    override toArray(): (Y.XmlElement | Y.XmlText)[] {
      return this.at.listAt(this.live) as (Y.XmlElement | Y.XmlText)[];
    }
  };
}
const FragmentAt = xmlChildrenAt(Y.XmlFragment);
const ElementAt = xmlChildrenAt(Y.XmlElement);

class XmlTextAt extends Y.XmlText {
  constructor(
    readonly live: Y.XmlText,
    private readonly at: View,
  ) {
    super();
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override toDelta(): any {
    return this.live.toDelta(this.at.snapshot);
  }
}

class TextAt extends Y.Text {
  constructor(
    readonly live: Y.Text,
    private readonly at: View,
  ) {
    super();
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override toDelta(): any {
    return this.live.toDelta(this.at.snapshot);
  }
  override toString(): string {
    return (this.toDelta() as { insert?: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
  }
}

class View {
  /** One stand-in per live type, so a reader sees the same object twice. */
  private readonly standIns = new Map<AnyType, AnyType>();
  constructor(readonly snapshot: Y.Snapshot) {}

  listAt(live: AnyType): unknown[] {
    return Y.typeListToArraySnapshot(live, this.snapshot).map((value) => this.wrap(value));
  }

  /** `value` as read at the snapshot: a Y type becomes its stand-in, anything else is itself. */
  wrap(value: unknown): unknown {
    if (!(value instanceof Y.AbstractType)) return value;
    let standIn = this.standIns.get(value);
    if (!standIn) {
      standIn = this.standInFor(value);
      this.standIns.set(value, standIn);
    }
    return standIn;
  }

  private standInFor(live: AnyType): AnyType {
    // Most specific first: XmlElement is an XmlFragment, XmlText is a Text.
    if (live instanceof Y.Map) return new MapAt(live, this);
    if (live instanceof Y.Array) return new ArrayAt(live, this);
    if (live instanceof Y.XmlElement) return new ElementAt(live, this);
    if (live instanceof Y.XmlFragment) return new FragmentAt(live, this);
    if (live instanceof Y.XmlText) return new XmlTextAt(live, this);
    if (live instanceof Y.Text) return new TextAt(live, this);
    // A type the readers do not know (XmlHook): read as empty, not as it is now.
    return new Y.Map();
  }
}

/**
 * Runs `read` on `doc` as it was at `snapshot` and returns what it returns. `read` gets a stand-in
 * for the document that answers `getMap`, `getArray`, `getXmlFragment` and `getText` (what planRoots
 * and richTextFragment call) with stand-ins at the snapshot. The caller makes sure `doc` holds all
 * the snapshot shows (keep-history.ts `holdsAllOf`).
 */
export function readAtSnapshot<T>(doc: Y.Doc, snapshot: Y.Snapshot, read: (at: Y.Doc) => T): T {
  const view = new View(snapshot);
  const root = <R extends AnyType>(live: R): R => view.wrap(live) as R;
  const at = {
    getMap: (name: string) => root(doc.getMap(name)),
    getArray: (name: string) => root(doc.getArray(name)),
    getXmlFragment: (name: string) => root(doc.getXmlFragment(name)),
    getText: (name: string) => root(doc.getText(name)),
  } as unknown as Y.Doc;
  let result: T | undefined;
  doc.transact((transaction) => {
    splitAtSnapshot(transaction, snapshot);
    result = read(at);
  }, READING_ORIGIN);
  return result as T;
}

/**
 * Splits the items `snapshot` cuts (at its state vector and its delete set's edges), as Yjs does
 * before its own snapshot readers run, so that each item is wholly in or out of the version; the
 * transaction merges them back when it ends.
 */
function splitAtSnapshot(transaction: Y.Transaction, snapshot: Y.Snapshot): void {
  const store = transaction.doc.store;
  for (const [client, clock] of snapshot.sv) {
    if (clock < Y.getState(store, client)) Y.getItemCleanStart(transaction, Y.createID(client, clock));
  }
  Y.iterateDeletedStructs(transaction, snapshot.ds, () => {});
}

/** The origin of the reading's transaction, which changes nothing. */
export const READING_ORIGIN = Symbol('reading a saved version');
