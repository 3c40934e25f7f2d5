// @ts-check
/**
 * Provisioning, run by the README's own commands (`pretest`, `predev` in package.json): finds the
 * system programs the command needs (scripts/system-deps.mjs) and installs the missing ones with
 * apt-get when running as root, with `sudo -n apt-get` when sudo needs no password, and otherwise
 * stops, before anything else runs, with one paragraph saying what is missing, the command that
 * installs it and the variables that point at copies already on the machine.
 *
 *   node scripts/provision.mjs                # everything `npm test` needs
 *   node scripts/provision.mjs chromium       # only what `npm run dev` needs
 *
 * `planProvisioning` decides and `provision` carries the plan out through an injected runner, so
 * both are tested without installing anything (tests/unit/scripts/provision.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { FILESYSTEM, SYSTEM_PROGRAMS, missingPrograms, missingProgramsMessage, onPath, packagesFor, systemProgram } from './system-deps.mjs';

/**
 * @typedef {import('./system-deps.mjs').SystemProgram} SystemProgram
 * @typedef {import('./system-deps.mjs').Probe} Probe
 * @typedef {{ update: string[], install: string[] }} AptCommands  each a whole argv, command first
 * @typedef {{ missing: SystemProgram[], apt: AptCommands | null, refusal: string | null }} Plan
 *   nothing missing: apt and refusal null; else exactly one of them is set
 */

/**
 * What to do about the programs in `needs`: nothing, install them (as root, or through
 * `sudo -n`), or refuse with the message. `canSudo` is asked only when something is missing and
 * this is not root.
 * @param {{ needs: SystemProgram[], env: NodeJS.ProcessEnv, uid: number, canSudo: () => boolean, probe?: Probe }} input
 * @returns {Plan}
 */
export function planProvisioning({ needs, env, uid, canSudo, probe = FILESYSTEM }) {
  const missing = missingPrograms(needs, env, probe);
  if (missing.length === 0) return { missing, apt: null, refusal: null };
  const refuse = (/** @type {string} */ why) => ({ missing, apt: null, refusal: `${why} Nothing was installed and nothing else was run.\n${missingProgramsMessage(missing, env)}` });
  const pinned = missing.filter((p) => env[p.envVar]).map((p) => p.envVar);
  if (pinned.length > 0) return refuse(`${pinned.join(' and ')} ${pinned.length === 1 ? 'points' : 'point'} where there is no program, and installing a package would not change that: fix or unset ${pinned.length === 1 ? 'it' : 'them'}.`);
  if (!onPath('apt-get', env).some((file) => probe.isExecutable(file))) return refuse('There is no apt-get on this machine to install them with.');
  const sudo = uid === 0 ? [] : canSudo() ? ['sudo', '-n'] : null;
  if (!sudo) return refuse('This is not root, and sudo asks for a password, so they cannot be installed for you.');
  const apt = [...sudo, 'apt-get'];
  return { missing, apt: { update: [...apt, 'update'], install: [...apt, 'install', '-y', ...packagesFor(missing)] }, refusal: null };
}

/**
 * Carries out planProvisioning: runs apt-get install (and apt-get update, then install again, only
 * when the first install fails), then looks again. The exit status for the npm hook: 0 when
 * everything needed is there.
 * @param {{ needs: SystemProgram[], env: NodeJS.ProcessEnv, uid: number, canSudo: () => boolean, probe?: Probe,
 *   run: (argv: string[]) => number, log: (line: string) => void }} input
 */
export function provision({ run, log, ...input }) {
  const plan = planProvisioning(input);
  if (plan.refusal) {
    log(plan.refusal);
    return 1;
  }
  if (!plan.apt) return 0;
  log(`provision: installing ${packagesFor(plan.missing).join(', ')} (${plan.missing.map((p) => p.why).join('; ')}): ${plan.apt.install.join(' ')}`);
  let status = run(plan.apt.install);
  if (status !== 0) {
    log('provision: the install failed; updating the package lists and trying once more');
    status = run(plan.apt.update) === 0 ? run(plan.apt.install) : status;
  }
  const still = missingPrograms(input.needs, input.env, input.probe);
  if (status !== 0 || still.length > 0) {
    log(`provision: ${plan.apt.install.join(' ')} ${status !== 0 ? `failed (exit ${status})` : 'ran, yet some are still missing'}. Nothing else was run.\n${missingProgramsMessage(still.length > 0 ? still : plan.missing, input.env)}`);
    return 1;
  }
  log(`provision: installed ${packagesFor(plan.missing).join(', ')}`);
  return 0;
}

/** Runs argv with the terminal attached; its exit status (1 when it could not start). */
function runAttached(/** @type {string[]} */ argv) {
  const [command = '', ...args] = argv;
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status ?? 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const names = process.argv.slice(2);
  const needs = names.length === 0 ? SYSTEM_PROGRAMS : names.map(systemProgram);
  process.exitCode = provision({
    needs,
    env: process.env,
    uid: process.getuid?.() ?? -1,
    canSudo: () => spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
    run: runAttached,
    log: (line) => console.error(line),
  });
}
