/**
 * Side panel JavaScript size: every script the built sidepanel.html loads (entry and chunks it
 * imports, followed transitively), raw and gzipped. Budget: ≤ 250 KB gzip (DESIGN.md).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './figure.ts';

const OUT = path.resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');

async function scriptsOf(html: string): Promise<string[]> {
  return [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!);
}

async function closure(entries: string[]): Promise<Map<string, Buffer>> {
  const seen = new Map<string, Buffer>();
  const queue = entries.map((e) => path.join(OUT, e.replace(/^\//, '')));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const code = await readFile(file);
    seen.set(file, code);
    for (const m of code.toString('utf8').matchAll(/(?:from|import)\s*\(?\s*["']([^"']+\.js)["']/g)) {
      queue.push(path.resolve(path.dirname(file), m[1]!));
    }
  }
  return seen;
}

export default async function (): Promise<Figure[]> {
  const html = await readFile(path.join(OUT, 'sidepanel.html'), 'utf8');
  const files = await closure(await scriptsOf(html));
  const all = Buffer.concat([...files.values()]);
  return [
    { name: 'side panel JS (raw)', value: all.length / 1024, unit: 'KB', budget: null },
    { name: 'side panel JS (gzip)', value: gzipSync(all, { level: 9 }).length / 1024, unit: 'KB', budget: 250 },
  ];
}
