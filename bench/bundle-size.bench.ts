/**
 * Side panel JavaScript size: the scripts the built sidepanel.html loads when it opens (its entry
 * and the chunks they import statically, followed transitively), raw and gzipped, against the
 * budget of ≤ 250 KB gzip (DESIGN.md); and everything it can load, sections fetched on first
 * visit (dynamic imports) included.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './figure.ts';

const OUT = path.resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');

async function scriptsOf(html: string): Promise<string[]> {
  return [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!);
}

const STATIC_IMPORT = /(?:from|import)\s*["'`]([^"'`]+\.js)["'`]/g;
const ANY_IMPORT = /(?:from|import)\s*\(?\s*["'`]([^"'`]+\.js)["'`]/g;

async function closure(entries: string[], pattern: RegExp): Promise<Map<string, Buffer>> {
  const seen = new Map<string, Buffer>();
  const queue = entries.map((e) => path.join(OUT, e.replace(/^\//, '')));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const code = await readFile(file);
    seen.set(file, code);
    for (const m of code.toString('utf8').matchAll(pattern)) queue.push(path.resolve(path.dirname(file), m[1]!));
  }
  return seen;
}

const gzipKb = (files: Map<string, Buffer>) => gzipSync(Buffer.concat([...files.values()]), { level: 9 }).length / 1024;
const rawKb = (files: Map<string, Buffer>) => Buffer.concat([...files.values()]).length / 1024;

export default async function (): Promise<Figure[]> {
  const html = await readFile(path.join(OUT, 'sidepanel.html'), 'utf8');
  const entries = await scriptsOf(html);
  const onOpen = await closure(entries, STATIC_IMPORT);
  const everything = await closure(entries, ANY_IMPORT);
  return [
    { name: 'side panel JS on open (raw)', value: rawKb(onOpen), unit: 'KB', budget: null },
    { name: 'side panel JS on open (gzip)', value: gzipKb(onOpen), unit: 'KB', budget: 250 },
    { name: 'side panel JS incl. on-demand sections (gzip)', value: gzipKb(everything), unit: 'KB', budget: null },
  ];
}
