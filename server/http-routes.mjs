// @ts-check
/**
 * Plain HTTP requests (anything that is not a WebSocket upgrade).
 *
 *   GET|HEAD /health   200 {"status":"ok","connections":n,"topics":n,"backplane":"off|up|down"}
 *   GET|HEAD /         426 Upgrade Required: this is a WebSocket endpoint
 *   anything else      404
 *
 * The health body holds counts only, never a room name. It answers 200 while the Redis backplane
 * is down: the node still serves its local rooms, so a load balancer should keep sending it traffic.
 */

/**
 * @typedef {{ connections: number, topics: number, backplane: import('./backplane.mjs').BackplaneState }} Health
 */

/**
 * Answers one plain HTTP request.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {() => Health} readHealth
 */
export function handleHttpRequest(request, response, readHealth) {
  const path = (request.url ?? '/').split('?')[0];
  const readable = request.method === 'GET' || request.method === 'HEAD';
  if (readable && path === '/health') {
    const body = JSON.stringify({ status: 'ok', ...readHealth() });
    reply(request, response, 200, body, { 'content-type': 'application/json', 'cache-control': 'no-store' });
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
