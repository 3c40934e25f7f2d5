/**
 * Provisioning (scripts/provision.mjs) decides from the environment, the user id, whether sudo
 * needs a password and what the filesystem holds; these tests hand it a filesystem of their own,
 * so "nothing installed" is tested on a machine where everything is, and nothing is installed.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { planProvisioning, provision } from '../../../scripts/provision.mjs';
import { SYSTEM_PROGRAMS, locateProgram, requireProgram, systemProgram, type Probe } from '../../../scripts/system-deps.mjs';

const PACKAGES = ['chromium', 'firefox-esr', 'redis-server', 'postgresql'];
const ENV_VARS = ['CHROMIUM_PATH', 'FIREFOX_PATH', 'REDIS_SERVER_PATH', 'POSTGRES_BIN_DIR'];
/** What Debian's four packages put where the look-up searches. */
const INSTALLED = ['/usr/bin/chromium', '/usr/bin/firefox-esr', '/usr/bin/redis-server', '/usr/lib/postgresql/15/bin/pg_ctl'];

/** A filesystem holding exactly `files` (all executable). */
function fakeFilesystem(files: string[]): Probe & { files: Set<string> } {
  const set = new Set(files);
  return {
    files: set,
    isExecutable: (file) => set.has(file),
    listDir: (dir) => [...new Set([...set].filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1).split('/')[0] ?? ''))],
  };
}

/** A runner that records each command and, for an install, "installs" Debian's four programs. */
function recordingRunner(probe: ReturnType<typeof fakeFilesystem>, statuses: number[] = []) {
  const calls: string[][] = [];
  const run = (argv: string[]) => {
    calls.push(argv);
    const status = statuses.shift() ?? 0;
    if (status === 0 && argv.includes('install')) INSTALLED.forEach((f) => probe.files.add(f));
    return status;
  };
  return { calls, run };
}

const NOTHING = { PATH: '/nowhere/bin' };

describe('provisioning when nothing is installed', () => {
  it('without root or password-less sudo, stops with one paragraph naming every package, the command and the variables, and runs nothing', () => {
    const probe = fakeFilesystem(['/usr/bin/apt-get']);
    const { calls, run } = recordingRunner(probe);
    const logged: string[] = [];
    const status = provision({ needs: SYSTEM_PROGRAMS, env: NOTHING, uid: 1000, canSudo: () => false, probe, run, log: (line) => logged.push(line) });
    expect(status).not.toBe(0);
    expect(calls).toEqual([]);
    expect(logged).toHaveLength(1);
    const [paragraph] = logged;
    expect(paragraph).not.toMatch(/\n\s*\n/); // one paragraph
    for (const name of PACKAGES) expect(paragraph).toContain(`- ${name}, for `);
    expect(paragraph).toContain(`sudo apt-get install -y ${PACKAGES.join(' ')}`);
    for (const variable of ENV_VARS) expect(paragraph).toContain(`set ${variable} to`);
    expect(paragraph).toContain('not root');
    expect(paragraph).toContain('Nothing was installed and nothing else was run');
  });

  it('as root, installs all four with apt-get (no sudo asked about), then finds them', () => {
    const probe = fakeFilesystem(['/usr/bin/apt-get']);
    const { calls, run } = recordingRunner(probe);
    let askedSudo = false;
    const canSudo = () => ((askedSudo = true), true);
    const status = provision({ needs: SYSTEM_PROGRAMS, env: NOTHING, uid: 0, canSudo, probe, run, log: () => {} });
    expect(status).toBe(0);
    expect(calls).toEqual([['apt-get', 'install', '-y', ...PACKAGES]]);
    expect(askedSudo).toBe(false);
  });

  it('as a user whom sudo lets in without a password, installs with sudo -n apt-get', () => {
    const probe = fakeFilesystem(['/usr/bin/apt-get']);
    const { calls, run } = recordingRunner(probe);
    const status = provision({ needs: SYSTEM_PROGRAMS, env: NOTHING, uid: 1000, canSudo: () => true, probe, run, log: () => {} });
    expect(status).toBe(0);
    expect(calls).toEqual([['sudo', '-n', 'apt-get', 'install', '-y', ...PACKAGES]]);
  });

  it('updates the package lists only when the first install fails, then installs once more', () => {
    const probe = fakeFilesystem(['/usr/bin/apt-get']);
    const { calls, run } = recordingRunner(probe, [100, 0, 0]);
    const status = provision({ needs: SYSTEM_PROGRAMS, env: NOTHING, uid: 0, canSudo: () => false, probe, run, log: () => {} });
    expect(status).toBe(0);
    expect(calls).toEqual([
      ['apt-get', 'install', '-y', ...PACKAGES],
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', ...PACKAGES],
    ]);
  });

  it('fails with the message when apt-get fails even after an update', () => {
    const probe = fakeFilesystem(['/usr/bin/apt-get']);
    const { calls, run } = recordingRunner(probe, [100, 0, 100]);
    const logged: string[] = [];
    const status = provision({ needs: SYSTEM_PROGRAMS, env: NOTHING, uid: 0, canSudo: () => false, probe, run, log: (line) => logged.push(line) });
    expect(status).toBe(1);
    expect(calls).toHaveLength(3);
    expect(logged.at(-1)).toContain('failed (exit 100)');
    expect(logged.at(-1)).toContain(`sudo apt-get install -y ${PACKAGES.join(' ')}`);
  });

  it('without apt-get, says so and runs nothing, even as root', () => {
    const probe = fakeFilesystem([]);
    const { calls, run } = recordingRunner(probe);
    const plan = planProvisioning({ needs: SYSTEM_PROGRAMS, env: NOTHING, uid: 0, canSudo: () => true, probe });
    expect(plan.apt).toBeNull();
    expect(plan.refusal).toContain('no apt-get');
    expect(provision({ needs: SYSTEM_PROGRAMS, env: NOTHING, uid: 0, canSudo: () => true, probe, run, log: () => {} })).toBe(1);
    expect(calls).toEqual([]);
  });
});

describe('provisioning when some are there', () => {
  it('installs only what is missing, for only what the command needs (npm run dev: Chromium)', () => {
    const probe = fakeFilesystem(['/usr/bin/apt-get', '/usr/bin/redis-server']);
    expect(planProvisioning({ needs: SYSTEM_PROGRAMS, env: NOTHING, uid: 0, canSudo: () => false, probe }).apt?.install).toEqual(['apt-get', 'install', '-y', 'chromium', 'firefox-esr', 'postgresql']);
    expect(planProvisioning({ needs: [systemProgram('chromium')], env: NOTHING, uid: 0, canSudo: () => false, probe }).apt?.install).toEqual(['apt-get', 'install', '-y', 'chromium']);
  });

  it('does nothing, and asks nothing of sudo, when everything is found', () => {
    const probe = fakeFilesystem(INSTALLED);
    const plan = planProvisioning({ needs: SYSTEM_PROGRAMS, env: NOTHING, uid: 1000, canSudo: () => { throw new Error('sudo asked'); }, probe });
    expect(plan).toEqual({ missing: [], apt: null, refusal: null });
  });

  it('finds programs on PATH, in PostgreSQL\'s versioned directory (newest first), and where the variables point', () => {
    const probe = fakeFilesystem(['/opt/tools/redis-server', '/usr/lib/postgresql/13/bin/pg_ctl', '/usr/lib/postgresql/15/bin/pg_ctl', '/home/me/chrome/chrome', '/srv/pg/bin/pg_ctl']);
    expect(locateProgram(systemProgram('redis-server'), { PATH: '/opt/tools' }, probe)).toBe('/opt/tools/redis-server');
    expect(locateProgram(systemProgram('postgres'), NOTHING, probe)).toBe('/usr/lib/postgresql/15/bin');
    expect(locateProgram(systemProgram('chromium'), { CHROMIUM_PATH: '/home/me/chrome/chrome' }, probe)).toBe('/home/me/chrome/chrome');
    expect(locateProgram(systemProgram('postgres'), { POSTGRES_BIN_DIR: '/srv/pg/bin' }, probe)).toBe('/srv/pg/bin');
  });

  it('refuses to install over a variable that points nowhere, naming it', () => {
    const probe = fakeFilesystem(['/usr/bin/apt-get', ...INSTALLED]);
    const plan = planProvisioning({ needs: SYSTEM_PROGRAMS, env: { ...NOTHING, FIREFOX_PATH: '/opt/ff/firefox' }, uid: 0, canSudo: () => false, probe });
    expect(plan.apt).toBeNull();
    expect(plan.refusal).toContain('FIREFOX_PATH points where there is no program');
    expect(plan.refusal).toContain('it is set to /opt/ff/firefox');
  });
});

describe('the command line and the helper tests use', () => {
  it('exits non-zero with the paragraph, before running anything, when every variable points nowhere', () => {
    const env = { PATH: process.env.PATH ?? '', CHROMIUM_PATH: '/nowhere/chromium', FIREFOX_PATH: '/nowhere/firefox', REDIS_SERVER_PATH: '/nowhere/redis-server', POSTGRES_BIN_DIR: '/nowhere/pg' };
    const result = spawnSync(process.execPath, [path.resolve('scripts/provision.mjs')], { env, encoding: 'utf8' });
    expect(result.status).toBe(1);
    for (const name of PACKAGES) expect(result.stderr).toContain(`- ${name}, for `);
    for (const variable of ENV_VARS) expect(result.stderr).toContain(variable);
    expect(result.stdout).toBe('');
  });

  it('requireProgram throws the same message instead of leaving a spawn to fail with ENOENT', () => {
    expect(() => requireProgram('redis-server', { REDIS_SERVER_PATH: '/nowhere/redis-server' })).toThrow(/- redis-server, for .*\n.*\n\s+sudo apt-get install -y redis-server/);
  });
});
