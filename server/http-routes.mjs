// @ts-check
/**
 * Plain HTTP requests (anything that is not a WebSocket upgrade).
 *
 *   GET|HEAD /health    200 {"status":"ok", …counts} — 503 {"status":"unavailable", …} when the relay cannot reach its store
 *   GET|HEAD /metrics   200 Prometheus text: gauges and totals
 *   GET|HEAD /          426 Upgrade Required: this is a WebSocket endpoint
 *   anything else       404
 *
 * Both bodies hold counts only, never a room name. /health answers 200 while the Redis backplane
 * is down: the node still serves its local rooms, so a load balancer should keep sending it traffic.
 */

/**
 * @typedef {{ ok: boolean, body: Record<string, unknown> }} Health
 * @typedef {{ readHealth: () => Health, readMetrics: () => string }} Routes
 */

/**
 * Answers one plain HTTP request.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {Routes} routes
 */
export function handleHttpRequest(request, response, routes) {
  const path = (request.url ?? '/').split('?')[0];
  const readable = request.method === 'GET' || request.method === 'HEAD';
  if (readable && path === '/health') {
    const health = routes.readHealth();
    const body = JSON.stringify({ status: health.ok ? 'ok' : 'unavailable', ...health.body });
    reply(request, response, health.ok ? 200 : 503, body, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  } else if (readable && path === '/metrics') {
    reply(request, response, 200, routes.readMetrics(), { 'content-type': 'text/plain; version=0.0.4', 'cache-control': 'no-store' });
  } else if (readable && path === '/') {
    reply(request, response, 426, 'upgrade required\n', { 'content-type': 'text/plain', upgrade: 'websocket', connection: 'Upgrade' });
  } else {
    reply(request, response, 404, 'not found\n', { 'content-type': 'text/plain' });
  }
}

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {string} body
 * @param {Record<string, string>} headers
 */
function reply(request, response, status, body, headers) {
  response.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body), 'x-content-type-options': 'nosniff' });
  response.end(request.method === 'HEAD' ? undefined : body);
}
