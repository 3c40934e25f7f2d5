// @ts-check
/**
 * The system programs the project runs besides Node (a browser for the end-to-end journeys, Redis
 * and PostgreSQL for the servers' tests), where each is found, and the one message that says what
 * to do when one is not. Provisioning (scripts/provision.mjs) installs what is missing; tests and
 * scripts that need a program ask `requireProgram`, which either returns its path or throws that
 * message — never a bare `spawn … ENOENT`.
 */
import { accessSync, constants, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {object} SystemProgram
 * @property {string} name        what the code asks for
 * @property {string} debPackage  the Debian package that provides it
 * @property {string} envVar      an environment variable that points at an existing binary (or, for PostgreSQL, its bin directory)
 * @property {string} why         what the project uses it for, in a few words
 * @property {() => string[]} candidates  where to look when the variable is unset, in order
 */

/**
 * Every directory on PATH, then the usual system ones (PATH may be narrow in CI or under sudo).
 * @param {string} binary
 */
function onPath(binary, env = process.env) {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return [...dirs, '/usr/local/bin', '/usr/bin', '/bin', '/usr/sbin'].map((dir) => path.join(dir, binary));
}

/** PostgreSQL's server programs are not on PATH on Debian: /usr/lib/postgresql/<major>/bin, newest first. */
function postgresBinDirs(root = '/usr/lib/postgresql') {
  try {
    return readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
      .map((v) => path.join(root, v, 'bin'));
  } catch {
    return [];
  }
}

/** @type {SystemProgram[]} */
export const SYSTEM_PROGRAMS = [
  { name: 'chromium', debPackage: 'chromium', envVar: 'CHROMIUM_PATH', why: 'the end-to-end journeys and `npm run dev`', candidates: () => onPath('chromium') },
  { name: 'firefox', debPackage: 'firefox-esr', envVar: 'FIREFOX_PATH', why: 'the Firefox build check', candidates: () => onPath('firefox-esr') },
  { name: 'redis-server', debPackage: 'redis-server', envVar: 'REDIS_SERVER_PATH', why: "the servers' scale-out tests", candidates: () => onPath('redis-server') },
  {
    name: 'postgres',
    debPackage: 'postgresql',
    envVar: 'POSTGRES_BIN_DIR',
    why: "the relay's PostgreSQL tests (initdb, pg_ctl)",
    candidates: () => postgresBinDirs().map((dir) => path.join(dir, 'pg_ctl')),
  },
];

/** @param {string} file */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where `program` is: the binary's path (for 'postgres', the directory holding initdb and pg_ctl),
 * or null. An environment variable, when set, is the only place looked at: pointing it at the
 * wrong place should say so, not quietly find another copy.
 * @param {SystemProgram} program
 * @param {NodeJS.ProcessEnv} [env]
 */
export function locateProgram(program, env = process.env) {
  const pinned = env[program.envVar];
  if (pinned) {
    const file = program.name === 'postgres' ? path.join(pinned, 'pg_ctl') : pinned;
    return isExecutable(file) ? (program.name === 'postgres' ? pinned : file) : null;
  }
  const found = program.candidates().find(isExecutable);
  if (!found) return null;
  return program.name === 'postgres' ? path.dirname(found) : found;
}

/**
 * The one message for programs that are missing: what, why, the command that installs them, and
 * the variables that point at copies already on the machine.
 * @param {SystemProgram[]} missing
 */
export function missingProgramsMessage(missing) {
  const packages = [...new Set(missing.map((p) => p.debPackage))];
  const lines = missing.map((p) => `  - ${p.debPackage} (for ${p.why}); or set ${p.envVar} to ${p.name === 'postgres' ? 'the directory holding initdb and pg_ctl' : 'an existing binary'}`);
  return [
    `This project needs ${packages.length === 1 ? 'a program' : 'programs'} that ${packages.length === 1 ? 'is' : 'are'} not installed here:`,
    ...lines,
    `Install ${packages.length === 1 ? 'it' : 'them'} with:`,
    `  sudo apt-get install -y ${packages.join(' ')}`,
    'then run the command again.',
  ].join('\n');
}

/**
 * The path of `name` (see locateProgram), or a thrown Error carrying missingProgramsMessage.
 * @param {'chromium' | 'firefox' | 'redis-server' | 'postgres'} name
 * @param {NodeJS.ProcessEnv} [env]
 */
export function requireProgram(name, env = process.env) {
  const program = SYSTEM_PROGRAMS.find((p) => p.name === name);
  if (!program) throw new RangeError(`requireProgram: unknown program "${name}"`);
  const found = locateProgram(program, env);
  if (!found) throw new Error(missingProgramsMessage([program]));
  return found;
}
