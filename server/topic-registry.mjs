// @ts-check
/**
 * Who is subscribed to which topic (a y-webrtc room name), in both directions.
 *
 * Invariants: a topic is present only while it has at least one subscriber, and a connection's
 * topic set mirrors the topic → subscribers map exactly. `onTopicOpened` fires when a topic gets
 * its first local subscriber and `onTopicClosed` when it loses its last, which is what the Redis
 * backplane needs to hold channel subscriptions only for topics with local subscribers.
 *
 * (The stock server's unsubscribe removes the connection from the topic but not the topic from
 * the connection, and never deletes emptied topics; both leak. Not here.)
 *
 * @template Conn
 */
export class TopicRegistry {
  /**
   * @param {{ onTopicOpened?: (topic: string) => void, onTopicClosed?: (topic: string) => void }} [hooks]
   */
  constructor(hooks = {}) {
    /** @private @type {Map<string, Set<Conn>>} */
    this.subscribersByTopic = new Map();
    /** @private @type {Map<Conn, Set<string>>} */
    this.topicsByConn = new Map();
    /** @private */ this.hooks = hooks;
  }

  /**
   * Subscribes a connection to a topic; does nothing if it already is.
   * @param {Conn} conn
   * @param {string} topic
   */
  subscribe(conn, topic) {
    let subscribers = this.subscribersByTopic.get(topic);
    if (subscribers?.has(conn)) return;
    if (subscribers === undefined) {
      subscribers = new Set();
      this.subscribersByTopic.set(topic, subscribers);
      this.hooks.onTopicOpened?.(topic);
    }
    subscribers.add(conn);
    let topics = this.topicsByConn.get(conn);
    if (topics === undefined) {
      topics = new Set();
      this.topicsByConn.set(conn, topics);
    }
    topics.add(topic);
  }

  /**
   * Unsubscribes a connection from a topic; does nothing if it was not subscribed.
   * @param {Conn} conn
   * @param {string} topic
   */
  unsubscribe(conn, topic) {
    const topics = this.topicsByConn.get(conn);
    if (!topics?.delete(topic)) return;
    if (topics.size === 0) this.topicsByConn.delete(conn);
    const subscribers = /** @type {Set<Conn>} */ (this.subscribersByTopic.get(topic));
    subscribers.delete(conn);
    if (subscribers.size === 0) {
      this.subscribersByTopic.delete(topic);
      this.hooks.onTopicClosed?.(topic);
    }
  }

  /**
   * Unsubscribes a connection from everything (it closed).
   * @param {Conn} conn
   */
  removeConnection(conn) {
    for (const topic of [...(this.topicsByConn.get(conn) ?? [])]) this.unsubscribe(conn, topic);
  }

  /**
   * Whether a connection is subscribed to a topic.
   * @param {Conn} conn
   * @param {string} topic
   */
  has(conn, topic) {
    return this.topicsByConn.get(conn)?.has(topic) ?? false;
  }

  /**
   * How many topics a connection is subscribed to.
   * @param {Conn} conn
   */
  countTopicsOf(conn) {
    return this.topicsByConn.get(conn)?.size ?? 0;
  }

  /**
   * The live set of a topic's subscribers (do not mutate), or undefined when it has none.
   * @param {string} topic
   * @returns {ReadonlySet<Conn> | undefined}
   */
  subscribersOf(topic) {
    return this.subscribersByTopic.get(topic);
  }

  /** Every topic with at least one subscriber. */
  topics() {
    return this.subscribersByTopic.keys();
  }

  /** How many topics have at least one subscriber. */
  get topicCount() {
    return this.subscribersByTopic.size;
  }
}
