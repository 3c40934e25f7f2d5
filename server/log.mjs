// @ts-check
/**
 * The server's only way to write logs.
 *
 * Confidentiality rule: a log line carries event names, counts and reasons, never a message's
 * contents, a topic (room) name, a token or a URL with credentials. Callers pass only such values,
 * and error messages (which may quote input, as JSON.parse's does) are reduced to their class name
 * and stack frames.
 *
 * Events that an attacker can cause at will (dropped frames, refused upgrades, closed connections)
 * are counted with `count()` and written as one summary line per interval, so a flood cannot flood
 * the journal as well.
 */

/**
 * @typedef {Record<string, string | number | boolean>} Fields
 */

/**
 * @typedef {object} Log
 * @property {(event: string, fields?: Fields) => void} info writes one line now
 * @property {(where: string, error: unknown) => void} error writes an error's class and stack frames, not its message
 * @property {(key: string) => void} count counts an event for the next summary line
 * @property {() => void} flush writes the summary line now (if anything was counted) and resets the counts
 * @property {() => void} close flushes and stops the summary timer
 */

/**
 * Creates a log writing `key=value` lines.
 * @param {{ write: (line: string) => void, intervalMs: number, onCount?: (key: string) => void }} options
 * `onCount` sees every counted event as it happens (for running totals in /metrics).
 * @returns {Log}
 */
export function createLog({ write, intervalMs, onCount }) {
  /** @type {Map<string, number>} */
  const counts = new Map();

  /** @param {string} event @param {Fields} [fields] */
  const info = (event, fields = {}) => {
    const pairs = Object.entries(fields).map(([key, value]) => `${key}=${value}`);
    write([new Date().toISOString(), event, ...pairs].join(' '));
  };

  const flush = () => {
    if (counts.size === 0) return;
    const fields = Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
    counts.clear();
    info('counted', fields);
  };

  const timer = setInterval(flush, intervalMs);
  // The summary must never keep a process alive that is otherwise done.
  timer.unref();

  return {
    info,
    error(where, error) {
      const name = error instanceof Error ? error.name : typeof error;
      const frames = error instanceof Error && error.stack
        ? error.stack.split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 8).map((line) => line.trim())
        : [];
      info('error', { where, name, ...(frames.length ? { stack: JSON.stringify(frames) } : {}) });
    },
    count(key) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      onCount?.(key);
    },
    flush,
    close() {
      clearInterval(timer);
      flush();
    },
  };
}
