// @ts-check
/**
 * The system programs the project runs besides Node (a browser for the end-to-end journeys, Redis
 * and PostgreSQL for the servers' tests), where each is found, and the one message that says what
 * to do when one is not. Provisioning (scripts/provision.mjs) installs what is missing; tests and
 * scripts that need a program ask `requireProgram`, which either returns its path or throws that
 * message — never a bare `spawn … ENOENT`.
 *
 * Every look-up takes the environment and a filesystem probe, so the provisioning check can be
 * run (and tested) against a machine where nothing is installed.
 */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {object} Probe  what a look-up may ask of the filesystem
 * @property {(file: string) => boolean} isExecutable  a regular file this process may run
 * @property {(dir: string) => string[]} listDir        the names in a directory ([] when there is none)
 */

/**
 * @typedef {object} SystemProgram
 * @property {'chromium' | 'firefox' | 'redis-server' | 'postgres'} name  what the code asks for
 * @property {string} debPackage  the Debian package that provides it
 * @property {string} envVar      an environment variable that points at an existing binary (or, for PostgreSQL, its bin directory)
 * @property {string} why         what the project uses it for, in a few words
 * @property {(env: NodeJS.ProcessEnv, probe: Probe) => string[]} candidates  where to look when the variable is unset, in order
 */

/** The real filesystem. */
export const FILESYSTEM = /** @type {Probe} */ ({
  isExecutable(file) {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  },
  listDir(dir) {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
});

/**
 * Every directory on PATH, then the usual system ones (PATH may be narrow in CI or under sudo).
 * @param {string} binary
 * @param {NodeJS.ProcessEnv} [env]
 */
export function onPath(binary, env = process.env) {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return [...new Set([...dirs, '/usr/local/bin', '/usr/bin', '/bin', '/usr/sbin', '/sbin'])].map((dir) => path.join(dir, binary));
}

/**
 * PostgreSQL's server programs are not on PATH on Debian: /usr/lib/postgresql/<major>/bin, newest first.
 * @param {Probe} probe
 */
function postgresBinDirs(probe, root = '/usr/lib/postgresql') {
  return probe
    .listDir(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(root, v, 'bin'));
}

/** @type {SystemProgram[]} */
export const SYSTEM_PROGRAMS = [
  { name: 'chromium', debPackage: 'chromium', envVar: 'CHROMIUM_PATH', why: 'the end-to-end journeys and `npm run dev`', candidates: (env) => onPath('chromium', env) },
  { name: 'firefox', debPackage: 'firefox-esr', envVar: 'FIREFOX_PATH', why: 'the Firefox build check', candidates: (env) => onPath('firefox-esr', env) },
  { name: 'redis-server', debPackage: 'redis-server', envVar: 'REDIS_SERVER_PATH', why: "the servers' scale-out tests", candidates: (env) => onPath('redis-server', env) },
  {
    name: 'postgres',
    debPackage: 'postgresql',
    envVar: 'POSTGRES_BIN_DIR',
    why: "the relay's PostgreSQL tests (initdb, pg_ctl)",
    candidates: (_env, probe) => postgresBinDirs(probe).map((dir) => path.join(dir, 'pg_ctl')),
  },
];

/**
 * The file that must be executable for `program` to count as found at `place`.
 * @param {SystemProgram} program
 * @param {string} place
 */
const fileAt = (program, place) => (program.name === 'postgres' ? path.join(place, 'pg_ctl') : place);

/**
 * Where `program` is: the binary's path (for 'postgres', the directory holding initdb and pg_ctl),
 * or null. An environment variable, when set, is the only place looked at: pointing it at the
 * wrong place should say so, not quietly find another copy.
 * @param {SystemProgram} program
 * @param {NodeJS.ProcessEnv} [env]
 * @param {Probe} [probe]
 */
export function locateProgram(program, env = process.env, probe = FILESYSTEM) {
  const pinned = env[program.envVar];
  if (pinned) return probe.isExecutable(fileAt(program, pinned)) ? pinned : null;
  const found = program.candidates(env, probe).find((file) => probe.isExecutable(file));
  if (!found) return null;
  return program.name === 'postgres' ? path.dirname(found) : found;
}

/**
 * The programs among `programs` that cannot be found.
 * @param {SystemProgram[]} programs
 * @param {NodeJS.ProcessEnv} [env]
 * @param {Probe} [probe]
 */
export function missingPrograms(programs, env = process.env, probe = FILESYSTEM) {
  return programs.filter((program) => locateProgram(program, env, probe) === null);
}

/**
 * The Debian packages that provide `programs`, each once, in order.
 * @param {SystemProgram[]} programs
 */
export const packagesFor = (programs) => [...new Set(programs.map((p) => p.debPackage))];

/**
 * The one message for programs that are missing: what, why, the command that installs them, and
 * the variables that point at copies already on the machine (saying so when one is set wrongly).
 * @param {SystemProgram[]} missing
 * @param {NodeJS.ProcessEnv} [env]
 */
export function missingProgramsMessage(missing, env = process.env) {
  const packages = packagesFor(missing);
  const one = packages.length === 1;
  const lines = missing.map((p) => {
    const target = p.name === 'postgres' ? 'the directory holding initdb and pg_ctl' : 'an existing binary';
    const pinned = env[p.envVar];
    const now = pinned ? ` (it is set to ${pinned}, where there is no ${p.name === 'postgres' ? 'pg_ctl' : 'executable file'})` : '';
    return `  - ${p.debPackage}, for ${p.why}; or set ${p.envVar} to ${target}${now}`;
  });
  return [
    `This project needs ${one ? 'a program' : 'programs'} that ${one ? 'is' : 'are'} not installed here:`,
    ...lines,
    `Install ${one ? 'it' : 'them'} with:`,
    `  sudo apt-get install -y ${packages.join(' ')}`,
    'then run the command again.',
  ].join('\n');
}

/**
 * The program called `name`.
 * @param {string} name
 */
export function systemProgram(name) {
  const program = SYSTEM_PROGRAMS.find((p) => p.name === name);
  if (!program) throw new RangeError(`unknown system program "${name}" (known: ${SYSTEM_PROGRAMS.map((p) => p.name).join(', ')})`);
  return program;
}

/**
 * The path of `name` (see locateProgram), or a thrown Error carrying missingProgramsMessage.
 * @param {'chromium' | 'firefox' | 'redis-server' | 'postgres'} name
 * @param {NodeJS.ProcessEnv} [env]
 */
export function requireProgram(name, env = process.env) {
  const program = systemProgram(name);
  const found = locateProgram(program, env);
  if (!found) throw new Error(missingProgramsMessage([program], env));
  return found;
}
