/**
 * `web-ext lint` (Mozilla's addons-linter, as AMO runs it on upload) over the Firefox build, and
 * the findings we have looked at and explained. web-ext has no way to switch off one finding in
 * one place, so an explained finding is not hidden from the linter: the test lets it through only
 * while it is still exactly what was explained (same code, and the flagged source still is the
 * library code described), and fails on anything else.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const WEB_EXT = path.resolve('node_modules/.bin/web-ext');

/** Runs `web-ext lint --output json` on `sourceDir` (it exits non-zero on errors; the JSON says which). */
export async function lint(sourceDir: string): Promise<LintReport> {
  const run = promisify(execFile);
  const args = ['lint', '--source-dir', sourceDir, '--output', 'json', '--no-input', '--no-config-discovery'];
  const stdout = await run(WEB_EXT, args, { maxBuffer: 32 * 1024 * 1024 }).then(
    (r) => r.stdout,
    (error: { stdout?: string }) => error.stdout ?? '',
  );
  const json = stdout.slice(stdout.indexOf('{'));
  if (!json) throw new Error(`web-ext lint printed no JSON report for ${sourceDir}`);
  return JSON.parse(json) as LintReport;
}

export interface Explained {
  code: string;
  why: string;
  /** True when the source at the flagged position is what `why` describes. */
  is(sourceBefore: string, sourceAt: string): boolean;
}

export const EXPLAINED: Explained[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why:
      "prosemirror-view's readHTML (clipboard.ts) parsing pasted HTML: it sets innerHTML on the body of a document " +
      'made with document.implementation.createHTMLDocument, which has no browsing context, so its scripts and event ' +
      'handlers never run (the inert-document technique DOMPurify parses with); ProseMirror then keeps only what the ' +
      "editor's schema allows. Only refusing formatted paste would avoid it, and web-ext cannot silence one finding.",
    is: (before, at) => /^[\w$]+\.innerHTML=/.test(at) && before.includes('createHTMLDocument') && before.includes('ProseMirrorClipboard'),
  },
];

/** The explanation for `message`, judged on the built source it points at, or undefined. */
export async function explanationFor(sourceDir: string, message: LintMessage): Promise<Explained | undefined> {
  if (!message.file || !message.line || !message.column) return undefined;
  const line = (await readFile(path.join(sourceDir, message.file), 'utf8')).split('\n')[message.line - 1] ?? '';
  const at = message.column - 1; // the linter's columns count from 1
  const before = line.slice(Math.max(0, at - 1000), at);
  return EXPLAINED.find((e) => e.code === message.code && e.is(before, line.slice(at, at + 100)));
}
