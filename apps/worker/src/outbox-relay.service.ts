import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { SqlOutboxStore } from '#persistence';
import { DomainEventPublisher } from '#queue';

const BATCH = 500;

/**
 * Moves committed outbox rows onto BullMQ, then deletes them (SqlOutboxStore says why not mark them). A crash
 * between the two relays a batch again; deterministic job IDs make that harmless. Several workers may relay
 * at once for the same reason.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @Inject(SqlOutboxStore) private readonly outbox: SqlOutboxStore,
    @Inject(DomainEventPublisher) private readonly publisher: DomainEventPublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.publisher.close();
  }

  /** Relays until the outbox is empty; returns how many messages went out. */
  async drain(): Promise<number> {
    let relayed = 0;
    for (;;) {
      const batch = await this.outbox.pending(BATCH);
      if (batch.length === 0) return relayed;
      await this.publisher.publish(batch);
      await this.outbox.delete(batch);
      relayed += batch.length;
      if (batch.length < BATCH || this.stopped) return relayed;
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((error) => this.logger.warn(`Outbox relay will retry: ${(error as Error).message}`))
        .then(() => this.schedule(this.config.outboxPollMs));
    }, delay);
  }
}
