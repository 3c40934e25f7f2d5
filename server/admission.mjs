// @ts-check
/**
 * Who may open a WebSocket: the origin allow-list and the shared token, checked at the HTTP
 * upgrade so a refused client never gets a socket.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * @typedef {{ status: 401 | 403, reason: 'token' | 'origin' }} Refusal
 */

/**
 * Decides whether an upgrade request may proceed.
 *
 * - Origin: when an allow-list is configured, the request's `Origin` header must be on it. A request
 *   without an Origin is refused too: every browser sends one on a WebSocket upgrade, so its absence
 *   means a non-browser client, which the token (not the origin) is there to admit.
 * - Token: when configured, it must arrive either as `Authorization: Bearer <token>` or, because a
 *   browser's WebSocket cannot set headers, as `?token=<token>` in the URL. Compared in constant time.
 *
 * The token is checked first so that an unauthenticated caller cannot probe the allow-list.
 * @param {import('node:http').IncomingMessage} request
 * @param {{ allowedOrigins: ReadonlySet<string> | null, token: string | null }} policy
 * @returns {Refusal | null} null to admit
 */
export function checkAdmission(request, policy) {
  if (policy.token !== null && !tokenMatches(presentedToken(request), policy.token)) {
    return { status: 401, reason: 'token' };
  }
  if (policy.allowedOrigins !== null) {
    const origin = request.headers.origin?.trim().replace(/\/$/, '').toLowerCase();
    if (origin === undefined || !policy.allowedOrigins.has(origin)) return { status: 403, reason: 'origin' };
  }
  return null;
}

/**
 * The token a request presents, header first.
 * @param {import('node:http').IncomingMessage} request
 * @returns {string | null}
 */
function presentedToken(request) {
  const header = request.headers.authorization;
  const bearer = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (bearer) return bearer;
  try {
    // The base is only there to parse a path-only request target; its host is never used.
    return new URL(request.url ?? '/', 'http://localhost').searchParams.get('token');
  } catch {
    return null;
  }
}

/**
 * Constant-time comparison; hashing first makes both sides the same length, so not even the
 * token's length leaks through timing.
 * @param {string | null} presented
 * @param {string} expected
 */
function tokenMatches(presented, expected) {
  if (presented === null) return false;
  const digest = (/** @type {string} */ value) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
