/**
 * Runs every `bench/*.bench.ts`, prints one table of figures beside their budgets, and writes
 * `bench/results.json` (an array of { name, value, unit, budget }). Figures, not pass/fail:
 * a figure over budget is marked, and the run still exits 0 so every figure gets printed.
 * `npm run bench -- sync` runs only the files whose names contain "sync", and replaces only its
 * own figures in results.json (by name), keeping the other benchmarks' last figures.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Bench, Figure } from './figure.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();

const figures: Figure[] = [];
for (const file of files) {
  process.stderr.write(`running ${file}…\n`);
  const bench = (await import(pathToFileURL(path.join(here, file)).href)).default as Bench;
  figures.push(...(await bench()));
}

const rows = figures.map((f) => [
  f.name,
  `${round(f.value)} ${f.unit}`,
  f.budget === null ? '—' : `${round(f.budget)} ${f.unit}`,
  f.budget === null ? '' : f.value <= f.budget ? 'within' : 'OVER',
]);
const head = ['figure', 'measured', 'budget', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));

const resultsPath = path.join(here, 'results.json');
const ran = new Set(figures.map((f) => f.name));
const kept = filter ? ((JSON.parse(await readFile(resultsPath, 'utf8').catch(() => '[]')) as Figure[]).filter((f) => !ran.has(f.name))) : [];
await writeFile(resultsPath, JSON.stringify([...kept, ...figures], null, 2) + '\n');

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1);
}
