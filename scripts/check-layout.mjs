/**
 * Two rules of the layout that dpdm cannot check, because it does not read `.svelte` files:
 * - lib/ never imports from components/ (the domain and services know nothing of the views);
 * - no import cycle runs through a Svelte component (type-only imports count: a cycle through
 *   types is still a cycle a reader must untangle).
 * dpdm checks the cycles among .ts and .mjs files with a real parser (`npm run test:cycles` runs
 * both). This reads every relative import of lib/, components/ and entrypoints/ with a regular
 * expression, which is enough for the `import … from '…'`, `export … from '…'` and `import('…')`
 * forms the project writes. Exits 1 and names each offence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOTS = ['lib', 'components', 'entrypoints'];
const SOURCE = /\.(ts|svelte)$/;
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;

/**
 * Every source file under `dir`, as paths relative to `root`, with `/` separators.
 * @param {string} root
 * @param {string} dir
 * @returns {string[]}
 */
function sourcesUnder(root, dir) {
  /** @type {string[]} */
  const found = [];
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return found;
  for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) found.push(...sourcesUnder(root, rel));
    else if (SOURCE.test(entry.name)) found.push(rel);
  }
  return found;
}

/**
 * The import graph of the project at `root`: each source file and the project files it imports
 * (relative specifiers only; packages are outside the layout).
 * @param {string} root
 * @returns {Map<string, string[]>}
 */
export function readImportGraph(root) {
  const graph = new Map();
  for (const file of ROOTS.flatMap((dir) => sourcesUnder(root, dir))) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[2] ?? '')));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * The imports that break "lib never imports components", as `importer -> imported`.
 * @param {Map<string, string[]>} graph
 * @returns {string[]}
 */
export function libImportsOfComponents(graph) {
  return [...graph].flatMap(([file, targets]) =>
    file.startsWith('lib/') ? targets.filter((t) => t.startsWith('components/')).map((t) => `${file} -> ${t}`) : [],
  );
}

/**
 * Every import cycle of `graph` (one per strongly connected group of files, Tarjan's algorithm),
 * each as the files in it; a file importing itself is a cycle of one.
 * @param {Map<string, string[]>} graph
 * @returns {string[][]}
 */
export function findCycles(graph) {
  /** @type {Map<string, number>} */ const index = new Map();
  /** @type {Map<string, number>} */ const low = new Map();
  /** @type {string[]} */ const stack = [];
  const onStack = new Set();
  /** @type {string[][]} */ const cycles = [];
  let next = 0;
  /** @param {string} file */
  const visit = (file) => {
    index.set(file, next);
    low.set(file, next);
    next += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    /** @type {string[]} */ const group = [];
    let member;
    do {
      member = stack.pop() ?? file;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

/** @param {string} root @returns {string[]} what is wrong, one line each */
export function checkLayout(root) {
  const graph = readImportGraph(root);
  return [
    ...libImportsOfComponents(graph).map((edge) => `lib imports a component: ${edge}`),
    ...findCycles(graph)
      .filter((files) => files.some((f) => f.endsWith('.svelte')))
      .map((files) => `import cycle through a component: ${files.join(' -> ')}`),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const problems = checkLayout(root);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exit(1);
  console.log('Layout: lib imports no component; no import cycle runs through a component.');
}
