/**
 * `node server/main.mjs` as an operator runs it: the start-up line, configuration errors, and shutdown.
 */
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { serverMain, startSignalServer, stopAll } from './helpers.ts';

afterAll(stopAll);

/** Runs main.mjs to completion (bounded) and returns its exit code and output. */
function run(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [serverMain], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('server/main.mjs', () => {
  it('prints "listening on http://127.0.0.1:<port>" with the port the OS chose for PORT=0', async () => {
    const server = await startSignalServer();
    expect(server.port).toBeGreaterThan(0);
    expect(server.output()).toContain(`listening on http://127.0.0.1:${server.port}\n`);
    await server.stop();
  });

  it.each([
    ['PORT', 'eighty'],
    ['ALLOWED_ORIGINS', 'example.org'],
    ['SIGNAL_TOKEN', 'short'],
    ['REDIS_URL', 'localhost:6379'],
    ['RATE_LIMIT_BURST', '0'],
  ])('refuses to start with a bad %s, naming it, and exits 2', async (name, value) => {
    const { code, output } = await run({ PORT: '0', [name]: value });
    expect(code).toBe(2);
    expect(output).toMatch(new RegExp(`bad configuration: ${name} `));
    expect(output).not.toContain('listening on');
  });

  it('exits 1 with the reason when its port is taken', async () => {
    const first = await startSignalServer();
    const { code, output } = await run({ HOST: '127.0.0.1', PORT: String(first.port) });
    expect(code).toBe(1);
    expect(output).toContain('EADDRINUSE');
    await first.stop();
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const server = await startSignalServer();
    await server.stop();
    expect(server.alive()).toBe(false);
    expect(server.output()).toContain('stopping signal=SIGTERM');
  });
});
