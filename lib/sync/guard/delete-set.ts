/**
 * Delete sets as plain ranges (client → [clock, clock + len)), and the one rewrite the guard makes
 * to an update's bytes: replacing its delete set, which a V1 update keeps last. Used to leave out
 * deletions a member declined ("Keep our copy") or that wait for their decision, so the rest of a
 * colleague's changes still arrive.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

export interface Range {
  clock: number;
  len: number;
}
export type Ranges = Map<number, Range[]>;

/** The ranges of a decoded delete set (Y.decodeUpdate(...).ds), copied. */
export function rangesOf(ds: { clients: Map<number, { clock: number; len: number }[]> }): Ranges {
  const out: Ranges = new Map();
  for (const [client, items] of ds.clients) out.set(client, items.map((item) => ({ clock: item.clock, len: item.len })));
  return out;
}

/** A delete set in Yjs's V1 encoding (DSEncoderV1: var-uints throughout). */
export function encodeRangesV1(ranges: Ranges): Uint8Array {
  const encoder = encoding.createEncoder();
  const clients = [...ranges].filter(([, list]) => list.length > 0);
  encoding.writeVarUint(encoder, clients.length);
  for (const [client, list] of clients) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, list.length);
    for (const range of list) {
      encoding.writeVarUint(encoder, range.clock);
      encoding.writeVarUint(encoder, range.len);
    }
  }
  return encoding.toUint8Array(encoder);
}

/** `ranges` without anything in `minus`. */
export function subtractRanges(ranges: Ranges, minus: Ranges): Ranges {
  const out: Ranges = new Map();
  for (const [client, list] of ranges) {
    let pieces = list.map((range) => ({ ...range }));
    for (const cut of minus.get(client) ?? []) {
      const cutEnd = cut.clock + cut.len;
      pieces = pieces.flatMap((piece) => {
        const end = piece.clock + piece.len;
        if (cutEnd <= piece.clock || cut.clock >= end) return [piece];
        const kept: Range[] = [];
        if (cut.clock > piece.clock) kept.push({ clock: piece.clock, len: cut.clock - piece.clock });
        if (cutEnd < end) kept.push({ clock: cutEnd, len: end - cutEnd });
        return kept;
      });
    }
    if (pieces.length > 0) out.set(client, pieces);
  }
  return out;
}

/** `a` and `b` together (ranges may overlap; consumers only test and subtract). */
export function unionRanges(a: Ranges, b: Ranges): Ranges {
  const out: Ranges = new Map();
  for (const source of [a, b]) for (const [client, list] of source) out.set(client, [...(out.get(client) ?? []), ...list]);
  return out;
}

/** How many clocks `ranges` cover (overlaps counted twice). */
export function rangeTotal(ranges: Ranges): number {
  let n = 0;
  for (const list of ranges.values()) for (const range of list) n += range.len;
  return n;
}

export function rangeCount(ranges: Ranges): number {
  let n = 0;
  for (const list of ranges.values()) n += list.length;
  return n;
}

export function coversId(ranges: Ranges, id: { client: number; clock: number }): boolean {
  return (ranges.get(id.client) ?? []).some((range) => id.clock >= range.clock && id.clock < range.clock + range.len);
}

/**
 * `update` with its delete set replaced by `ranges`, or null when its bytes do not end with the
 * canonical encoding of `original` (then the update is not rewritten, and the caller refuses it).
 */
export function replaceDeleteSet(update: Uint8Array, original: Ranges, ranges: Ranges): Uint8Array | null {
  const tail = encodeRangesV1(original);
  if (tail.length > update.length) return null;
  const start = update.length - tail.length;
  for (let i = 0; i < tail.length; i++) if (update[start + i] !== tail[i]) return null;
  const replacement = encodeRangesV1(ranges);
  const out = new Uint8Array(start + replacement.length);
  out.set(update.subarray(0, start));
  out.set(replacement, start);
  return out;
}

/** Plain arrays for storage: [client, clock, len] triples. */
export function rangesToTriples(ranges: Ranges): [number, number, number][] {
  return [...ranges].flatMap(([client, list]) => list.map((r): [number, number, number] => [client, r.clock, r.len]));
}

export function triplesToRanges(triples: unknown): Ranges {
  const out: Ranges = new Map();
  if (!Array.isArray(triples)) return out;
  for (const t of triples) {
    if (!Array.isArray(t) || t.length !== 3 || !t.every((n) => Number.isSafeInteger(n) && n >= 0)) continue;
    const [client, clock, len] = t as [number, number, number];
    if (len > 0) out.set(client, [...(out.get(client) ?? []), { clock, len }]);
  }
  return out;
}

/**
 * Visits each live item of `doc`'s store that `ranges` cover, with how much of it they cover;
 * stops early and returns true when `visit` returns true.
 */
export function visitLiveInRanges(doc: Y.Doc, ranges: Ranges, visit: (item: Y.Item, amount: number) => boolean | void): boolean {
  for (const [client, list] of ranges) {
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    const state = Y.getState(doc.store, client);
    for (const range of list) {
      const end = Math.min(range.clock + range.len, state);
      if (range.clock >= end) continue;
      for (let i = Y.findIndexSS(structs, range.clock); i < structs.length && structs[i]!.id.clock < end; i++) {
        const item = structs[i]!;
        if (!(item instanceof Y.Item) || item.deleted) continue;
        if (visit(item, Math.min(end, item.id.clock + item.length) - Math.max(range.clock, item.id.clock))) return true;
      }
    }
  }
  return false;
}
