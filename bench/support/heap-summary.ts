/**
 * V8 heap snapshots reduced to what DevTools' "Comparison" view shows: object counts and shallow
 * sizes grouped by constructor (strings, arrays, code and other internals each as one group), and
 * the detached DOM nodes with what keeps them alive. Two summaries compared say what grew.
 */

export interface HeapGroup {
  count: number;
  /** Sum of the objects' own (shallow) sizes, bytes. */
  size: number;
}

export interface HeapSummary {
  groups: Map<string, HeapGroup>;
  totalSize: number;
  /** Nodes V8 marks detached (DOM objects no longer in any document but still reachable). */
  detached: number;
  /**
   * Detached nodes by what holds them: the last steps of the shortest path from the GC roots to
   * the first DOM node on it ("A (via .x) → B (via .y) → <div>"), with how many nodes it holds.
   */
  detachedBy: Map<string, number>;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** How many steps of the path to a detached node to name, before the first DOM node on it. */
const RETAINER_STEPS = 4;

/** Summarises a heap snapshot (the JSON that HeapProfiler.takeHeapSnapshot streams). */
export function summariseSnapshot(json: string): HeapSummary {
  const parsed = JSON.parse(json) as Snapshot;
  const { snapshot, nodes, strings } = parsed;
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt, detachedAt] = ['type', 'name', 'self_size', 'detachedness'].map((f) => fields.indexOf(f));
  const groups = new Map<string, HeapGroup>();
  let totalSize = 0;
  let detached = 0;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt!]!]!;
    const size = nodes[i + sizeAt!]!;
    const key = groupOf(type, strings[nodes[i + nameAt!]!]!);
    const group = groups.get(key) ?? { count: 0, size: 0 };
    group.count++;
    group.size += size;
    groups.set(key, group);
    totalSize += size;
    if (detachedAt! >= 0 && nodes[i + detachedAt!] === 2) detached++;
  }
  return { groups, totalSize, detached, detachedBy: detachedRetainers(parsed) };
}

/**
 * Detached nodes grouped by how they are reached: the shortest path from the GC roots (strong
 * edges only, breadth first), cut at the first DOM node on it, its last RETAINER_STEPS steps shown.
 */
function detachedRetainers({ snapshot, nodes, edges, strings }: Snapshot): Map<string, number> {
  const { node_fields: nodeFields, node_types: nodeTypes, edge_fields: edgeFields, edge_types: edgeTypes } = snapshot.meta;
  const width = nodeFields.length;
  const edgeWidth = edgeFields.length;
  const count = nodes.length / width;
  const [typeAt, nameAt, edgeCountAt, detachedAt] = ['type', 'name', 'edge_count', 'detachedness'].map((f) => nodeFields.indexOf(f)) as [number, number, number, number];
  const [edgeTypeAt, edgeNameAt, toAt] = ['type', 'name_or_index', 'to_node'].map((f) => edgeFields.indexOf(f)) as [number, number, number];
  const out = new Map<string, number>();
  if (detachedAt < 0) return out;
  const label = (n: number) => groupOf(nodeTypes[0][nodes[n * width + typeAt]!]!, strings[nodes[n * width + nameAt]!]!);
  const edgeName = (e: number) => {
    const type = edgeTypes[0][edges[e + edgeTypeAt]!];
    const name = edges[e + edgeNameAt]!;
    return type === 'element' || type === 'hidden' ? `[${name}]` : `.${strings[name]}`;
  };
  // A DOM node (or Blink's own objects around one), by its snapshot name.
  const isDom = (n: number) => /^(<|HTML\w*Element|SVG\w*Element|Text$|Comment$|ShadowRoot$|DocumentFragment$)/.test(label(n));

  // Edges are stored node after node: where each node's first edge is.
  const edgeOffsets = new Int32Array(count);
  for (let n = 1; n < count; n++) edgeOffsets[n] = edgeOffsets[n - 1]! + nodes[(n - 1) * width + edgeCountAt]! * edgeWidth;
  // Breadth first from the synthetic root (node 0): each node's parent on a shortest path.
  const parent = new Int32Array(count).fill(-2);
  const parentEdge = new Int32Array(count).fill(-1);
  parent[0] = -1;
  const queue = [0];
  for (let q = 0; q < queue.length; q++) {
    const n = queue[q]!;
    for (let k = 0, e = edgeOffsets[n]!; k < nodes[n * width + edgeCountAt]!; k++, e += edgeWidth) {
      if (edgeTypes[0][edges[e + edgeTypeAt]!] === 'weak') continue;
      const to = edges[e + toAt]! / width;
      if (parent[to] !== -2) continue;
      parent[to] = n;
      parentEdge[to] = e;
      queue.push(to);
    }
  }

  for (let start = 0; start < count; start++) {
    if (nodes[start * width + detachedAt] !== 2 || parent[start]! < 0) continue;
    const steps: number[] = [];
    for (let n = start; n > 0; n = parent[n]!) steps.push(n);
    steps.reverse();
    const cut = Math.max(0, steps.findIndex(isDom));
    const shown = steps.slice(Math.max(0, cut - RETAINER_STEPS), cut + 1);
    const path = shown.map((n) => `${label(n)}${parentEdge[n]! >= 0 ? ` (via ${edgeName(parentEdge[n]!)})` : ''}`).join(' → ');
    out.set(path, (out.get(path) ?? 0) + 1);
  }
  return out;
}

/** Objects by constructor name, closures by function name; everything else by its kind. */
function groupOf(type: string, name: string): string {
  if (type === 'object' || type === 'native') {
    // "system / Context / scope @123": the id differs per snapshot, so it would split one group in two.
    const plain = name.replace(/ @\d+$/, '');
    return plain.length > 80 ? `${plain.slice(0, 77)}…` : plain;
  }
  if (type === 'closure') return `${name || '(anonymous)'}()`;
  // Code by kind ("system / BytecodeArray", "system / Code", "system / FeedbackCell"…): whether
  // the JIT is still warming up or something keeps making new functions.
  if (type === 'code') return `(code) ${name.split(' / ').slice(0, 2).join(' / ')}`;
  return `(${type})`;
}

/** Bytes in V8's code groups: bytecode, machine code, feedback and function metadata. */
export function codeBytes(summary: HeapSummary): number {
  let total = 0;
  for (const [group, { size }] of summary.groups) if (group.startsWith('(code)')) total += size;
  return total;
}

export interface GroupChange {
  group: string;
  countDelta: number;
  sizeDelta: number;
  countAfter: number;
}

/** The `top` groups that grew most in size from `before` to `after`, largest first. */
export function compareSummaries(before: HeapSummary, after: HeapSummary, top = 15): GroupChange[] {
  const keys = new Set([...before.groups.keys(), ...after.groups.keys()]);
  const changes: GroupChange[] = [];
  for (const group of keys) {
    const b = before.groups.get(group) ?? { count: 0, size: 0 };
    const a = after.groups.get(group) ?? { count: 0, size: 0 };
    changes.push({ group, countDelta: a.count - b.count, sizeDelta: a.size - b.size, countAfter: a.count });
  }
  return changes.sort((x, y) => y.sizeDelta - x.sizeDelta).slice(0, top);
}

/** The comparison as lines of text, for stderr. */
export function formatComparison(label: string, before: HeapSummary, after: HeapSummary, top = 15): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const lines = [
    `${label}: snapshot total ${kb(before.totalSize)} → ${kb(after.totalSize)}; detached DOM nodes ${before.detached} → ${after.detached}`,
    ...compareSummaries(before, after, top).map(
      (c) => `  ${c.sizeDelta >= 0 ? '+' : ''}${kb(c.sizeDelta).padStart(10)}  ${c.countDelta >= 0 ? '+' : ''}${String(c.countDelta).padStart(7)} objects (now ${c.countAfter})  ${c.group}`,
    ),
    `${label}: detached DOM nodes by holder, after (before):`,
    ...[...after.detachedBy]
      .sort(([, x], [, y]) => y - x)
      .slice(0, top)
      .map(([path, n]) => `  ${String(n).padStart(6)} (${before.detachedBy.get(path) ?? 0})  ${path}`),
  ];
  return lines.join('\n');
}
