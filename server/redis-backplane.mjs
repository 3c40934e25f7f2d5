// @ts-check
/**
 * Scale-out through Redis pub/sub: each topic (room) maps to one Redis channel, and a node
 * subscribes to a channel only while it has local subscribers to that topic.
 *
 * A publish is delivered to local subscribers directly by the engine and sent to Redis tagged with
 * this node's id; Redis echoes it back to this node too (it is subscribed), and the tag is how
 * that echo is skipped, so nobody receives a message twice.
 *
 * Failure model: Redis is an optimisation of reach, not a dependency. While it is down, publishes
 * go to local subscribers only (nothing is queued: a stale WebRTC offer is worse than none), and
 * ioredis keeps reconnecting. On every (re)connect the subscriber connection is new and holds no
 * subscriptions, so it subscribes afresh to exactly the topics open at that moment; ioredis's own
 * replay (autoResubscribe, the offline queue) is off because its idea of the set may be stale.
 */
import { Redis } from 'ioredis';

/** @import { Backplane, BackplaneHost, BackplaneState } from './backplane.mjs' */
/** @import { Log } from './log.mjs' */

/** Channels per SUBSCRIBE command when resubscribing, to keep each command a modest size. */
const RESUBSCRIBE_CHUNK = 500;

/**
 * Connects to Redis (in the background; this never throws for an unreachable Redis).
 * @param {{ url: string, nodeId: string, channelPrefix: string, host: BackplaneHost, log: Log }} options
 * @returns {Backplane}
 */
export function createRedisBackplane({ url, nodeId, channelPrefix, host, log }) {
  /** @type {import('ioredis').RedisOptions} */
  const options = {
    enableOfflineQueue: false,
    autoResubscribe: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 5_000,
    // Retry forever, quickly at first; a signaling node should rejoin the cluster within seconds.
    retryStrategy: (times) => Math.min(100 * times, 2_000),
  };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  /** @type {BackplaneState | null} */
  let reported = null;
  let closed = false;

  const channelOf = (/** @type {string} */ topic) => channelPrefix + topic;
  const isUp = () => publisher.status === 'ready' && subscriber.status === 'ready';

  /** Logs transitions only. 'down' is reported on a loss, not while the two connections first come up. */
  const reportState = () => {
    const state = isUp() ? 'up' : 'down';
    if (state === reported || closed) return;
    reported = state;
    log.info('backplane', { state });
  };
  const reportIfUp = () => {
    if (isUp()) reportState();
  };

  /** @param {Error & { code?: string }} error */
  const onError = (error) => {
    // Only the code: ioredis's messages can include the host, and the URL may carry a password.
    log.count(`redis-error.${typeof error.code === 'string' ? error.code : error.name}`);
    reportState();
  };

  for (const client of [publisher, subscriber]) {
    client.on('error', onError);
    client.on('ready', reportIfUp);
    client.on('close', reportState);
    client.on('end', reportState);
  }

  subscriber.on('ready', () => {
    const channels = [...host.openTopics()].map(channelOf);
    for (let i = 0; i < channels.length; i += RESUBSCRIBE_CHUNK) {
      subscriber.subscribe(...channels.slice(i, i + RESUBSCRIBE_CHUNK)).catch(() => log.count('redis-subscribe-failed'));
    }
  });

  subscriber.on('message', (/** @type {string} */ channel, /** @type {string} */ payload) => {
    try {
      if (!channel.startsWith(channelPrefix)) return;
      const envelope = JSON.parse(payload);
      const message = envelope?.message;
      if (typeof envelope?.node !== 'string' || typeof message !== 'object' || message === null || Array.isArray(message)) {
        log.count('redis-bad-payload');
        return;
      }
      if (envelope.node === nodeId) return; // our own publish, already delivered locally
      host.deliver(channel.slice(channelPrefix.length), message);
    } catch (error) {
      log.count('redis-bad-payload');
    }
  });

  return {
    openTopic(topic) {
      // While down, the 'ready' handler will subscribe it along with every other open topic.
      if (subscriber.status === 'ready') {
        subscriber.subscribe(channelOf(topic)).catch(() => log.count('redis-subscribe-failed'));
      }
    },
    closeTopic(topic) {
      if (subscriber.status === 'ready') {
        subscriber.unsubscribe(channelOf(topic)).catch(() => log.count('redis-unsubscribe-failed'));
      }
    },
    publish(topic, message) {
      if (publisher.status !== 'ready') {
        log.count('redis-publish-skipped');
        return;
      }
      let payload;
      try {
        payload = JSON.stringify({ node: nodeId, message });
      } catch {
        log.count('redis-publish-unserializable');
        return;
      }
      publisher.publish(channelOf(topic), payload).catch(() => log.count('redis-publish-failed'));
    },
    state: () => (isUp() ? 'up' : 'down'),
    async close() {
      closed = true;
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
