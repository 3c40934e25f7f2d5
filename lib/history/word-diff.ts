/**
 * A word-level diff of two texts, for showing what changed in a rich-text field between versions:
 * the parts that stayed, were removed and were added, in reading order.
 *
 * Myers' O((N+M)·D) algorithm ("An O(ND) Difference Algorithm and Its Variations", 1986): fast when
 * the texts are alike, which versions of one field are. It runs twice: first over lines, so an
 * edit in one paragraph of a long field costs only that paragraph, then over the words of each run
 * of changed lines. The trace it keeps grows with D², so past MAX_EDITS a run is shown as removed
 * whole and added whole rather than word by word (slower and no clearer to read).
 */

export type DiffKind = 'same' | 'added' | 'removed';

export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/** Past this many inserted or removed tokens in one run, the run is not diffed word by word. */
export const MAX_EDITS = 1500;

/** Words, runs of spaces and line breaks: the units a change is marked in. */
export function tokenize(text: string): string[] {
  return text.match(/\n|[^\S\n]+|[^\s]+/g) ?? [];
}

/** The parts of `after` and `before`, changes marked word by word; adjacent parts of a kind merged. */
export function diffWords(before: string, after: string, maxEdits = MAX_EDITS): DiffPart[] {
  const lineEdits = diffTokens(before.split(/(?<=\n)/), after.split(/(?<=\n)/), maxEdits);
  if (!lineEdits) return tidy([{ kind: 'removed', text: before }, { kind: 'added', text: after }]);
  const parts: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed && added) {
      const words = diffTokens(tokenize(removed), tokenize(added), maxEdits);
      parts.push(...(words ?? [{ kind: 'removed', text: removed }, { kind: 'added', text: added }]));
    } else {
      parts.push({ kind: 'removed', text: removed }, { kind: 'added', text: added });
    }
    removed = added = '';
  };
  for (const edit of lineEdits) {
    if (edit.kind === 'removed') removed += edit.text;
    else if (edit.kind === 'added') added += edit.text;
    else {
      flush();
      parts.push(edit);
    }
  }
  flush();
  return tidy(parts);
}

/** True when the parts hold any addition or removal. */
export function hasChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((p) => p.kind !== 'same');
}

/**
 * The edits turning `a` into `b`, one token each, or null when more than `maxEdits` are needed.
 * A common prefix and suffix are set aside first (cheap, and usual between versions).
 */
export function diffTokens(a: readonly string[], b: readonly string[], maxEdits: number): DiffPart[] | null {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  // Any way from one to the other takes at least the difference in length: past the limit, no need to search.
  if (Math.abs(endA - endB) > maxEdits) return null;
  const middle = myers(a.slice(start, endA), b.slice(start, endB), maxEdits);
  if (!middle) return null;
  const same = (text: string): DiffPart => ({ kind: 'same', text });
  return [...a.slice(0, start).map(same), ...middle, ...a.slice(endA).map(same)];
}

function myers(a: readonly string[], b: readonly string[], maxEdits: number): DiffPart[] | null {
  const n = a.length;
  const m = b.length;
  // trace[d][k + d] is the furthest x reached on diagonal k (x - y) with d edits.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(maxEdits, n + m); d++) {
    const prev = trace[d - 1];
    const row = new Int32Array(2 * d + 1);
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (d === 0) x = 0;
      else if (k === -d || (k !== d && prev![k - 1 + d - 1]! < prev![k + 1 + d - 1]!)) x = prev![k + 1 + d - 1]!;
      else x = prev![k - 1 + d - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      row[k + d] = x;
      if (x >= n && y >= m) {
        trace.push(row);
        return backtrack(trace, a, b);
      }
    }
    trace.push(row);
  }
  return null;
}

function backtrack(trace: Int32Array[], a: readonly string[], b: readonly string[]): DiffPart[] {
  const edits: DiffPart[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d - 1]!;
    const k = x - y;
    const at = (kk: number) => prev[kk + d - 1]!;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) edits.push({ kind: 'same', text: a[--x]! }), y--;
    if (down) edits.push({ kind: 'added', text: b[--y]! });
    else edits.push({ kind: 'removed', text: a[--x]! });
  }
  while (x > 0 && y > 0) edits.push({ kind: 'same', text: a[--x]! }), y--;
  return edits.reverse();
}

/**
 * Merges adjacent parts of a kind, drops empty ones, and reads each run of changes as "removed,
 * then added": a lone space kept between two changed words joins the change, so "the cat" → "a dog"
 * reads as one replacement rather than two.
 */
function tidy(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = added = '';
  };
  parts.forEach((part, i) => {
    if (part.text === '') return;
    if (part.kind === 'removed') removed += part.text;
    else if (part.kind === 'added') added += part.text;
    else if ((removed || added) && /^[^\S\n]+$/.test(part.text) && isChange(nextPart(parts, i))) {
      removed += part.text;
      added += part.text;
    } else {
      flush();
      const last = out[out.length - 1];
      if (last?.kind === 'same') last.text += part.text;
      else out.push({ kind: 'same', text: part.text });
    }
  });
  flush();
  return out;
}

function nextPart(parts: readonly DiffPart[], i: number): DiffPart | undefined {
  for (let j = i + 1; j < parts.length; j++) if (parts[j]!.text !== '') return parts[j];
  return undefined;
}

const isChange = (part: DiffPart | undefined) => part !== undefined && part.kind !== 'same';
