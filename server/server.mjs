// @ts-check
/**
 * Assembles one signaling node: an HTTP server for /health and the WebSocket upgrade, the
 * signaling engine, and the backplane (Redis when configured, none otherwise).
 */
import { createServer } from 'node:http';
import { createLocalBackplane } from './backplane.mjs';
import { handleHttpRequest } from './http-routes.mjs';
import { createSignaling } from './signaling.mjs';

/** @import { Backplane, BackplaneHost } from './backplane.mjs' */
/** @import { Config } from './config.mjs' */
/** @import { Log } from './log.mjs' */

/**
 * @typedef {object} RunningServer
 * @property {string} url where it listens, e.g. `http://127.0.0.1:4444`
 * @property {number} port the bound port (the OS's choice when the config said 0)
 * @property {() => Promise<void>} close stops accepting, closes every connection, disconnects Redis
 */

/**
 * Starts a node and resolves once it listens.
 * @param {Config} config
 * @param {Log} log
 * @returns {Promise<RunningServer>}
 * @throws when the address cannot be bound (e.g. EADDRINUSE)
 */
export async function startServer(config, log) {
  /** @type {(host: BackplaneHost) => Backplane} */
  let createBackplane = () => createLocalBackplane();
  if (config.redisUrl !== null) {
    const url = config.redisUrl;
    // ioredis is loaded only when it is used: a single node does not pay its memory.
    const { createRedisBackplane } = await import('./redis-backplane.mjs');
    createBackplane = (host) => createRedisBackplane({ url, nodeId: config.nodeId, channelPrefix: config.redisChannelPrefix, host, log });
  }
  const signaling = createSignaling({ config, log, createBackplane });
  const http = createServer((request, response) => {
    try {
      handleHttpRequest(request, response, signaling.health);
    } catch (error) {
      log.error('http', error);
      response.destroy();
    }
  });
  // Slow-loris guard: a client gets 10 s to send its request headers (the upgrade included).
  http.headersTimeout = 10_000;
  http.requestTimeout = 15_000;
  http.on('upgrade', signaling.handleUpgrade);
  http.on('clientError', (_error, socket) => {
    log.count('http-client-error');
    socket.destroy();
  });

  await new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      resolve(undefined);
    });
  });
  http.on('error', (error) => log.error('http-server', error));

  const address = /** @type {import('node:net').AddressInfo} */ (http.address());
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostInUrl}:${address.port}`,
    port: address.port,
    async close() {
      http.close();
      await signaling.close();
      http.closeAllConnections();
    },
  };
}
