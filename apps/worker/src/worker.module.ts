import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, ConfigModule, type AppConfig } from '#config';
import { PersistenceModule } from '#persistence';
import { bullConnection, DomainEventPublisher, QUEUES } from '#queue';
import { DomainEventsProcessor } from './domain-events.processor.js';
import { OutboxRelay } from './outbox-relay.service.js';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, dataSource?: DataSource): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot(dataSource),
        BullModule.forRoot({ connection: bullConnection(config.redisUrl), prefix: config.queuePrefix }),
        BullModule.registerQueue({ name: QUEUES.domainEvents }),
      ],
      providers: [
        {
          provide: DomainEventPublisher,
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) => new DomainEventPublisher(c.redisUrl, c.queuePrefix),
        },
        OutboxRelay,
        DomainEventsProcessor,
      ],
      exports: [OutboxRelay],
    };
  }
}
