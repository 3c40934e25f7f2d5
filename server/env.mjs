// @ts-check
/**
 * Reading one environment variable: blank counts as unset, numbers are whole and within bounds,
 * and a bad value throws a RangeError naming the variable (STYLE.md: configuration errors throw).
 */

/**
 * A variable's trimmed value, or null when unset or blank (blank is how env files say "unset").
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 */
export function optional(env, name) {
  const value = env[name]?.trim();
  return value ? value : null;
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 * @param {number} fallback
 * @param {number} min
 * @param {number} max
 */
export function readInteger(env, name, fallback, min, max) {
  const raw = optional(env, name);
  if (raw === null) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got "${raw.slice(0, 32)}"`);
  }
  return value;
}

