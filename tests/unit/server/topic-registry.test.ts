import { describe, expect, it } from 'vitest';
import { TopicRegistry } from '../../../server/topic-registry.mjs';

function registryWithEvents() {
  const events: string[] = [];
  const registry = new TopicRegistry<string>({
    onTopicOpened: (topic) => events.push(`open ${topic}`),
    onTopicClosed: (topic) => events.push(`close ${topic}`),
  });
  return { registry, events };
}

describe('TopicRegistry', () => {
  it('opens a topic on its first subscriber and closes it on its last', () => {
    const { registry, events } = registryWithEvents();
    registry.subscribe('alice', 'room');
    registry.subscribe('bob', 'room');
    registry.unsubscribe('alice', 'room');
    expect(events).toEqual(['open room']);
    registry.unsubscribe('bob', 'room');
    expect(events).toEqual(['open room', 'close room']);
    expect(registry.subscribersOf('room')).toBeUndefined();
    expect(registry.topicCount).toBe(0);
  });

  it('is idempotent: subscribing twice or unsubscribing a stranger changes nothing', () => {
    const { registry, events } = registryWithEvents();
    registry.subscribe('alice', 'room');
    registry.subscribe('alice', 'room');
    registry.unsubscribe('bob', 'room');
    registry.unsubscribe('alice', 'elsewhere');
    expect([...registry.subscribersOf('room')!]).toEqual(['alice']);
    expect(registry.countTopicsOf('alice')).toBe(1);
    expect(events).toEqual(['open room']);
  });

  it('removes a closed connection from every topic, closing the topics it alone held', () => {
    const { registry, events } = registryWithEvents();
    registry.subscribe('alice', 'a');
    registry.subscribe('alice', 'b');
    registry.subscribe('bob', 'b');
    registry.removeConnection('alice');
    expect(events).toEqual(['open a', 'open b', 'close a']);
    expect(registry.countTopicsOf('alice')).toBe(0);
    expect(registry.has('alice', 'b')).toBe(false);
    expect([...registry.topics()]).toEqual(['b']);
  });
});
