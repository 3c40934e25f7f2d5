/**
 * Killing a browser the hard way: SIGKILL, as a crash, a power cut of the process or the OOM
 * killer would. Playwright's persistent context does not expose the browser's pid, so we find the
 * processes by the profile directory on their command line (Chromium passes --user-data-dir to
 * every child it starts) and by parentage (zygote-forked children), through /proc (Linux only).
 */
import { readdir, readFile } from 'node:fs/promises';

interface ProcessInfo {
  pid: number;
  ppid: number;
  args: string[];
  /** 'Z' for a zombie: dead, waiting for its parent to reap it. */
  state: string;
}

async function readProcess(pid: number): Promise<ProcessInfo | null> {
  try {
    const [cmdline, stat] = await Promise.all([readFile(`/proc/${pid}/cmdline`, 'utf8'), readFile(`/proc/${pid}/stat`, 'utf8')]);
    // The command name in stat is in parentheses and may hold spaces: fields start after the last ')'.
    const [state = '', ppid = '0'] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(ppid), args: cmdline.split('\0').filter(Boolean), state };
  } catch {
    return null; // gone between readdir and read
  }
}

async function listProcesses(): Promise<ProcessInfo[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  return (await Promise.all(pids.map(readProcess))).filter((p): p is ProcessInfo => p !== null && p.state !== 'Z');
}

/** The live processes of the browser using `profileDir`: main process first, then every descendant. */
export async function findBrowserProcesses(profileDir: string): Promise<{ main: number[]; all: number[] }> {
  const processes = await listProcesses();
  const flag = `--user-data-dir=${profileDir}`;
  const ofProfile = processes.filter((p) => p.args.includes(flag));
  const main = ofProfile.filter((p) => !p.args.some((a) => a.startsWith('--type='))).map((p) => p.pid);
  const members = new Set([...main, ...ofProfile.map((p) => p.pid)]);
  // Descendants that do not carry the flag (none today, but a helper process might not).
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of processes) {
      if (!members.has(p.pid) && members.has(p.ppid)) {
        members.add(p.pid);
        grew = true;
      }
    }
  }
  return { main, all: [...main, ...[...members].filter((pid) => !main.includes(pid))] };
}

/**
 * SIGKILLs the browser that runs on `profileDir` (its main process first, then all its children,
 * so none can finish a write after the main one dies) and resolves once every one is gone.
 * Throws if no such browser is running: a kill that found nothing must not pass for a crash.
 */
export async function killBrowser(profileDir: string): Promise<{ killed: number }> {
  const { main, all } = await findBrowserProcesses(profileDir);
  if (main.length === 0) throw new Error(`no browser is running on the profile ${profileDir}`);
  for (const pid of all) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // already gone is fine
    }
  }
  // SIGKILL cannot be caught, but death is not instantaneous: wait until /proc agrees.
  for (let i = 0; ; i++) {
    const left = (await findBrowserProcesses(profileDir)).all;
    if (left.length === 0) return { killed: all.length };
    if (i >= 200) throw new Error(`browser processes ${left.join(', ')} outlived SIGKILL`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
