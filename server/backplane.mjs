// @ts-check
/**
 * The backplane carries publishes between nodes. The signaling engine depends only on this
 * interface: a single node uses `createLocalBackplane()`, several nodes share rooms through
 * `createRedisBackplane()` (redis-backplane.mjs).
 */

/**
 * @typedef {'off' | 'up' | 'down'} BackplaneState
 * `off`: no backplane configured; `up`: cross-node delivery works; `down`: local rooms only, recovering.
 */

/**
 * @typedef {object} Backplane
 * @property {(topic: string) => void} openTopic a topic got its first local subscriber: start receiving it
 * @property {(topic: string) => void} closeTopic a topic lost its last local subscriber: stop receiving it
 * @property {(topic: string, message: Record<string, unknown>) => void} publish send a local publish to the other nodes (never back to this one)
 * @property {() => BackplaneState} state
 * @property {() => Promise<void>} close
 */

/**
 * What a backplane calls back into: delivery of another node's publish to local subscribers, and
 * the topics to (re)subscribe after a reconnect.
 * @typedef {object} BackplaneHost
 * @property {(topic: string, message: Record<string, unknown>) => void} deliver
 * @property {() => Iterable<string>} openTopics
 */

/**
 * A backplane for a single node: there is nobody else to tell.
 * @returns {Backplane}
 */
export function createLocalBackplane() {
  return {
    openTopic() {},
    closeTopic() {},
    publish() {},
    state: () => 'off',
    close: async () => {},
  };
}
