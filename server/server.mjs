// @ts-check
/**
 * Assembles one node: an HTTP server for /health, /metrics and the WebSocket upgrades, and the
 * services this process runs — the signaling engine, the relay, or both, each with its own
 * backplane (Redis when configured, none otherwise).
 *
 * With both, an upgrade whose path ends in `/relay` goes to the relay and every other upgrade to
 * signaling (y-webrtc clients connect on any path). With one, every upgrade goes to it.
 */
import { createServer } from 'node:http';
import { createLocalBackplane } from './backplane.mjs';
import { handleHttpRequest } from './http-routes.mjs';
import { EventTotals, renderMetrics } from './metrics.mjs';
import { createSignaling } from './signaling.mjs';

/** @import { Backplane, BackplaneHost } from './backplane.mjs' */
/** @import { Config } from './config.mjs' */
/** @import { Log } from './log.mjs' */
/** @import { Metric } from './metrics.mjs' */

/**
 * @typedef {object} RunningServer
 * @property {string} url where it listens, e.g. `http://127.0.0.1:4444`
 * @property {number} port the bound port (the OS's choice when the config said 0)
 * @property {() => Promise<void>} close stops accepting, closes every connection, disconnects Redis and the store
 */

/**
 * Starts a node and resolves once it listens.
 * @param {Config} config
 * @param {Log} log
 * @param {EventTotals} [events] running totals of the log's counted events, for /metrics
 * @returns {Promise<RunningServer>}
 * @throws when the address cannot be bound (e.g. EADDRINUSE) or the relay's store cannot be opened
 */
export async function startServer(config, log, events = new EventTotals()) {
  /** @type {(prefix: string) => Promise<(host: BackplaneHost) => Backplane>} */
  const backplaneFor = async (prefix) => {
    if (config.redisUrl === null) return () => createLocalBackplane();
    const url = config.redisUrl;
    // ioredis is loaded only when it is used: a single node does not pay its memory.
    const { createRedisBackplane } = await import('./redis-backplane.mjs');
    return (host) => createRedisBackplane({ url, nodeId: config.nodeId, channelPrefix: prefix, host, log });
  };
  const signaling = config.services.has('signal')
    ? createSignaling({ config, log, createBackplane: await backplaneFor(config.redisChannelPrefix) })
    : null;
  let relay = null;
  if (config.relay !== null) {
    // The relay and its engines are loaded only when served: a signaling-only node needs neither.
    const { openRelay } = await import('./relay/open.mjs');
    relay = await openRelay({ config, relay: config.relay, log, createBackplane: await backplaneFor(config.relay.redisChannelPrefix) });
  }

  const readHealth = () => {
    /** @type {Record<string, unknown>} */
    const body = { ...(signaling?.health() ?? {}) };
    if (relay) body.relay = relay.health();
    return { ok: relay === null || relay.health().storeState === 'up', body };
  };
  const readMetrics = () => {
    const memory = process.memoryUsage();
    /** @type {Metric[]} */
    const metrics = [
      { name: 'process_resident_memory_bytes', help: 'Resident memory of the process.', type: 'gauge', samples: [[{}, memory.rss]] },
      { name: 'nodejs_heap_used_bytes', help: 'V8 heap in use.', type: 'gauge', samples: [[{}, memory.heapUsed]] },
    ];
    if (signaling) {
      const h = signaling.health();
      metrics.push(
        { name: 'core_group_signal_connections', help: 'Open signaling WebSockets.', type: 'gauge', samples: [[{}, h.connections]] },
        { name: 'core_group_signal_topics', help: 'Signaling rooms with a subscriber on this node.', type: 'gauge', samples: [[{}, h.topics]] },
      );
    }
    if (relay) {
      const h = relay.health();
      metrics.push(
        { name: 'core_group_relay_connections', help: 'Open relay WebSockets.', type: 'gauge', samples: [[{}, h.connections]] },
        { name: 'core_group_relay_rooms', help: 'Relay rooms with a live subscriber on this node.', type: 'gauge', samples: [[{}, h.rooms]] },
        { name: 'core_group_relay_queued_bytes', help: 'Bytes written to relay connections and not yet taken by them.', type: 'gauge', samples: [[{}, h.queuedBytes]] },
        { name: 'core_group_relay_store_up', help: '1 while the relay can reach its store.', type: 'gauge', samples: [[{ store: h.store }, h.storeState === 'up' ? 1 : 0]] },
        ...Object.entries(relay.counters()).map(([key, value]) => /** @type {Metric} */ ({
          name: `core_group_relay_${key}_total`, help: `Relay total: ${key.replace(/_/g, ' ')}.`, type: 'counter', samples: [[{}, value]],
        })),
      );
    }
    metrics.push(events.metric());
    return renderMetrics(metrics);
  };

  const http = createServer((request, response) => {
    try {
      handleHttpRequest(request, response, { readHealth, readMetrics });
    } catch (error) {
      log.error('http', error);
      response.destroy();
    }
  });
  // Slow-loris guard: a client gets 10 s to send its request headers (the upgrade included).
  http.headersTimeout = 10_000;
  http.requestTimeout = 15_000;
  http.on('upgrade', (request, socket, head) => {
    const toRelay = relay !== null && (signaling === null || /\/relay\/?$/.test((request.url ?? '/').split('?')[0] ?? ''));
    if (toRelay) relay?.handleUpgrade(request, socket, head);
    else signaling?.handleUpgrade(request, socket, head);
  });
  http.on('clientError', (_error, socket) => {
    log.count('http-client-error');
    socket.destroy();
  });

  try {
    await new Promise((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.port, config.host, () => {
        http.off('error', reject);
        resolve(undefined);
      });
    });
  } catch (error) {
    await Promise.all([signaling?.close(), relay?.close()]);
    throw error;
  }
  http.on('error', (error) => log.error('http-server', error));

  const address = /** @type {import('node:net').AddressInfo} */ (http.address());
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostInUrl}:${address.port}`,
    port: address.port,
    async close() {
      http.close();
      await Promise.all([signaling?.close(), relay?.close()]);
      http.closeAllConnections();
    },
  };
}
