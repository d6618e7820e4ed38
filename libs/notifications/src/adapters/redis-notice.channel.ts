import { Redis } from 'ioredis';
import { NoticeChannel, type NoticeSignal } from '../ports/notice-channel.js';

/**
 * Redis publish/subscribe between the worker that stores notices and the API processes that hold the open
 * event streams. The subscriber connection is opened on the first subscription only: the worker, which only
 * publishes, never holds one.
 */
export class RedisNoticeChannel extends NoticeChannel {
  private readonly publisher: Redis;
  private subscriber: Redis | null = null;
  private readonly listeners = new Set<(signal: NoticeSignal) => void>();

  constructor(
    private readonly redisUrl: string,
    private readonly channel: string,
  ) {
    super();
    this.publisher = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    this.publisher.on('error', () => undefined);
  }

  async publish(signal: NoticeSignal): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify(signal));
  }

  subscribe(listener: (signal: NoticeSignal) => void): () => void {
    this.listeners.add(listener);
    if (!this.subscriber) {
      // No retry limit: a SUBSCRIBE sent while Redis is down must wait for it, not be dropped for good (ioredis
      // subscribes again by itself after a reconnect, but only to channels it once subscribed to).
      const subscriber = new Redis(this.redisUrl, { maxRetriesPerRequest: null });
      subscriber.on('error', () => undefined);
      subscriber.on('message', (_channel: string, message: string) => {
        let signal: NoticeSignal;
        try {
          signal = JSON.parse(message) as NoticeSignal;
        } catch {
          return;
        }
        for (const each of this.listeners) each(signal);
      });
      void subscriber.subscribe(this.channel).catch(() => undefined);
      this.subscriber = subscriber;
    }
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.publisher.disconnect();
    this.subscriber?.disconnect();
    this.subscriber = null;
    this.listeners.clear();
  }
}
